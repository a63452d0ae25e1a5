/**
 * @module files-in-chat: the attachment interface's words in every widget language. They ride in the
 * attachments chunk, not the locale files, so a visitor who never attaches anything never downloads
 * them. The locale is told apart by the core's own `attach` label, which each entry repeats.
 */
const en = {
  attach: 'Attach files',
  files: 'Files to send',
  uploading: 'Uploading {name}',
  attached: '{name} attached',
  waiting: 'Waiting for the connection to upload {name}',
  failed: '{name} was not attached: {reason}',
  uploadFailed: 'the upload failed',
  cancel: 'Cancel {name}',
  remove: 'Remove {name}',
  retry: 'Retry {name}',
  queued: 'Your message goes as soon as its files are uploaded.',
  tabOnly: 'Files wait in this tab until sent: reloading the page drops them.',
  open: 'Open image {name}',
  close: 'Close',
  download: 'Download {name}',
};
export type AttachmentStrings = typeof en;

const de: AttachmentStrings = {
  attach: 'Dateien anhängen',
  files: 'Zu sendende Dateien',
  uploading: '{name} wird hochgeladen',
  attached: '{name} angehängt',
  waiting: 'Warte auf die Verbindung, um {name} hochzuladen',
  failed: '{name} wurde nicht angehängt: {reason}',
  uploadFailed: 'das Hochladen ist fehlgeschlagen',
  cancel: '{name} abbrechen',
  remove: '{name} entfernen',
  retry: '{name} erneut versuchen',
  queued: 'Ihre Nachricht wird gesendet, sobald ihre Dateien hochgeladen sind.',
  tabOnly: 'Dateien warten in diesem Tab, bis sie gesendet sind: Neuladen der Seite verwirft sie.',
  open: 'Bild {name} öffnen',
  close: 'Schließen',
  download: '{name} herunterladen',
};

const es: AttachmentStrings = {
  attach: 'Adjuntar archivos',
  files: 'Archivos para enviar',
  uploading: 'Subiendo {name}',
  attached: '{name} adjuntado',
  waiting: 'Esperando la conexión para subir {name}',
  failed: '{name} no se adjuntó: {reason}',
  uploadFailed: 'la subida falló',
  cancel: 'Cancelar {name}',
  remove: 'Quitar {name}',
  retry: 'Reintentar {name}',
  queued: 'Su mensaje se enviará en cuanto se suban sus archivos.',
  tabOnly: 'Los archivos esperan en esta pestaña hasta enviarse: recargar la página los descarta.',
  open: 'Abrir imagen {name}',
  close: 'Cerrar',
  download: 'Descargar {name}',
};

const fr: AttachmentStrings = {
  attach: 'Joindre des fichiers',
  files: 'Fichiers à envoyer',
  uploading: 'Envoi de {name}',
  attached: '{name} joint',
  waiting: 'En attente de la connexion pour envoyer {name}',
  failed: '{name} n’a pas été joint : {reason}',
  uploadFailed: 'l’envoi a échoué',
  cancel: 'Annuler {name}',
  remove: 'Retirer {name}',
  retry: 'Réessayer {name}',
  queued: 'Votre message part dès que ses fichiers sont envoyés.',
  tabOnly: 'Les fichiers attendent dans cet onglet jusqu’à l’envoi : recharger la page les abandonne.',
  open: 'Ouvrir l’image {name}',
  close: 'Fermer',
  download: 'Télécharger {name}',
};

const ar: AttachmentStrings = {
  attach: 'إرفاق ملفات',
  files: 'ملفات للإرسال',
  uploading: 'جارٍ رفع {name}',
  attached: 'تم إرفاق {name}',
  waiting: 'بانتظار الاتصال لرفع {name}',
  failed: 'لم يتم إرفاق {name}: {reason}',
  uploadFailed: 'فشل الرفع',
  cancel: 'إلغاء {name}',
  remove: 'إزالة {name}',
  retry: 'إعادة محاولة {name}',
  queued: 'ستُرسل رسالتك فور رفع ملفاتها.',
  tabOnly: 'تنتظر الملفات في هذا التبويب حتى إرسالها: إعادة تحميل الصفحة تُسقطها.',
  open: 'فتح الصورة {name}',
  close: 'إغلاق',
  download: 'تنزيل {name}',
};

const all = [en, de, es, fr, ar];

/** The strings of the locale whose `attach` label the core shows. */
export const attachmentStrings = (coreAttach: string): AttachmentStrings =>
  all.find((strings) => strings.attach === coreAttach) ?? en;
