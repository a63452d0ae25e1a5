# One Parley process: the built server with the widget and console bundles beside it.
# Node 24 LTS, pinned to the release CI runs (.ci/run); bump both together.
FROM node:24.21.0-bookworm-slim AS build
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
# better-sqlite3 compiles against this Node's own headers (the image has them), downloading none
ENV npm_config_nodedir=/usr/local
WORKDIR /app
RUN npm install -g pnpm@10.34.9
COPY . .
RUN pnpm install --frozen-lockfile && pnpm run build && pnpm --filter @parley/server deploy --prod --legacy /srv/parley

FROM node:24.21.0-bookworm-slim
WORKDIR /srv/parley
COPY --from=build /srv/parley ./
COPY --from=build /app/server/dist ./dist
# what the server sends: the loader and its chunks with their .br/.gz twins (not the npm build)
COPY --from=build /app/widget/dist/widget.js /app/widget/dist/widget.js.br /app/widget/dist/widget.js.gz /srv/widget/
COPY --from=build /app/widget/dist/widget /srv/widget/widget
COPY --from=build /app/agent-console/dist /srv/console
ENV NODE_ENV=production PARLEY_WIDGET_DIST=/srv/widget PARLEY_CONSOLE_DIST=/srv/console PARLEY_DATA_DIR=/srv/data
# The process runs as the image's unprivileged `node` user; the code stays root's, read-only to it.
# The data dir (SQLite file, generated secret) is the one place it writes: owned by it, and a volume,
# so it outlives the container. (Ownership is set before VOLUME: later changes there are discarded.)
RUN mkdir -p /srv/data && chown node:node /srv/data
VOLUME /srv/data
USER node
EXPOSE 3000
# ready = storage answers and migrations are done (and Redis, when REDIS_URL is set)
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# SIGTERM reaches node directly (exec form): it drains and sends clients to the other processes
CMD ["node", "dist/main.js"]
