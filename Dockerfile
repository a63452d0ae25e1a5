# One Parley process: the built server with the widget and console bundles beside it.
FROM node:20-bookworm-slim AS build
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
WORKDIR /app
RUN npm install -g pnpm@10.34.9
COPY . .
RUN pnpm install --frozen-lockfile && pnpm run build && pnpm --filter @parley/server deploy --prod --legacy /srv/parley

FROM node:20-bookworm-slim
WORKDIR /srv/parley
COPY --from=build /srv/parley ./
COPY --from=build /app/server/dist ./dist
COPY --from=build /app/widget/dist /srv/widget
COPY --from=build /app/agent-console/dist /srv/console
ENV NODE_ENV=production PARLEY_WIDGET_DIST=/srv/widget PARLEY_CONSOLE_DIST=/srv/console PARLEY_DATA_DIR=/srv/data
EXPOSE 3000
# SIGTERM reaches node directly (exec form): it drains and sends clients to the other processes
CMD ["node", "dist/main.js"]
