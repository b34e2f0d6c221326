# syntax=docker/dockerfile:1
# Vaktpost's container image. Build: docker build -t vaktpost . (see docs/operations.md).
# Three stages: "build" compiles TypeScript with every dependency, "deps" installs only the runtime dependencies,
# and the final image holds Node, those dependencies and dist/: no compiler, no tsx, no tests.
ARG NODE_VERSION=26

FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json main.ts ./
COPY scripts ./scripts
COPY src ./src
COPY adapters ./adapters
COPY dialogs ./dialogs
RUN npm run build

FROM node:${NODE_VERSION}-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --omit=dev && npm cache clean --force

FROM node:${NODE_VERSION}-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3978 \
    DATA_DIR=/data \
    DIRECTORY_FILE=/app/directory.example.yml
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json directory.example.yml ./
# The embedded store's files live in a volume owned by the unprivileged "node" user (uid 1000) of the base image.
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3978
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 CMD ["node", "dist/scripts/healthcheck.js"]
CMD ["node", "dist/main.js"]
