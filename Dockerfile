# The Handoff service, from this repository. Build and run:
#   docker build -t handoff-service .
#   docker run --rm -p 8787:8787 -v handoff-data:/data handoff-service
# With Postgres instead of the SQLite file on the volume: deploy/compose.yaml.
# deploy/dockerfile.test.ts checks that everything copied here exists after the build, and runs
# the same entrypoint on the same output (`pnpm deploy`), so the image cannot drift from the repo.

FROM node:24-bookworm-slim AS build
WORKDIR /repo
RUN npm install --global pnpm@10.34.9
# Manifests first: the dependency layer is rebuilt only when they change.
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml tsconfig.base.json ./
COPY packages/types/package.json packages/types/
COPY packages/service/package.json packages/service/
RUN pnpm install --frozen-lockfile --filter @handoff/service... --ignore-scripts
COPY packages/types packages/types
COPY packages/service packages/service
RUN pnpm --filter @handoff/service... run build \
  && pnpm --filter @handoff/service deploy --legacy --prod /out

FROM node:24-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /out /app
RUN mkdir /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 8787
HEALTHCHECK --interval=30s --timeout=3s CMD ["node", "-e", "fetch('http://127.0.0.1:8787/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["node", "dist/cli.js"]
# Listens on every interface of the container (put a TLS proxy in front); SQLite on the volume.
# Override the whole command for `create-client …` or a `--db postgres://…` URL.
CMD ["start", "--host", "0.0.0.0", "--port", "8787", "--db", "/data/handoff.db"]
