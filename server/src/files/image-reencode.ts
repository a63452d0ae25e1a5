/**
 * @module Images are never stored as uploaded: sharp decodes and re-encodes them in its own thread
 * pool (the event loop never waits on pixels), turned upright by their EXIF orientation and with all
 * metadata (EXIF, GPS, XMP, comments) dropped, which sharp does unless asked to keep it; and makes a
 * small thumbnail. A body sharp cannot decode is refused rather than stored as an image.
 */
import type { Readable } from 'node:stream';
import sharp, { type Sharp } from 'sharp';

/** A decompression bomb (a tiny file of huge dimensions) is refused before it is decoded. */
const MAX_PIXELS = 40_000_000;
const THUMBNAIL_EDGE = 320;

export interface ReencodedImage {
  /** The re-encoded image, in the uploaded format. */
  image: Readable;
  /** A WebP at most THUMBNAIL_EDGE on its longest side. */
  thumbnail: Readable;
  thumbnailType: 'image/webp';
  /** The decoder's failure, if the body was not an image sharp could read. */
  decodeError: () => Error | undefined;
}

export function reencodeImage(body: Readable, type: string): ReencodedImage {
  const animated = type === 'image/gif' || type === 'image/webp';
  const decoder = sharp({ limitInputPixels: MAX_PIXELS, failOn: 'error', animated });
  body.on('error', (error) => decoder.destroy(error));
  body.pipe(decoder);
  const upright = decoder.clone().autoOrient();
  const image = encode(upright, type);
  const thumbnail = decoder
    .clone()
    .autoOrient()
    .resize(THUMBNAIL_EDGE, THUMBNAIL_EDGE, { fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 75 });
  let decodeError: Error | undefined;
  decoder.on('error', (error) => {
    decodeError = error;
    image.destroy(error);
    thumbnail.destroy(error);
  });
  for (const output of [image, thumbnail]) {
    output.on('error', (error) => {
      // a decoding failure reaches each clone; a storage failure on one output is not the image's
      if (!(error instanceof Error) || decodeError !== undefined) return;
      if (/input|decode|vips|pixel|corrupt|unsupported/i.test(error.message)) decodeError = error;
    });
  }
  return { image, thumbnail, thumbnailType: 'image/webp', decodeError: () => decodeError };
}

function encode(pipeline: Sharp, type: string): Sharp {
  switch (type) {
    case 'image/png':
      return pipeline.png();
    case 'image/gif':
      return pipeline.gif();
    case 'image/webp':
      return pipeline.webp();
    default:
      return pipeline.jpeg({ quality: 85, mozjpeg: true });
  }
}
