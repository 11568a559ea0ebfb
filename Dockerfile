# syntax=docker/dockerfile:1
# cities-kg API image: GraphQL over Neo4j (GRAPH_STORE=neo4j) by default.
#   docker build -t cities-kg .
# See README ("Run on Neo4j") and docker-compose.yml.

# --- build: dev dependencies, GraphQL codegen, TypeScript, the explorer bundle ---------------
FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 (the curation journal) compiles from source when no prebuilt binary is reachable.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build \
 && npm prune --omit=dev

# --- runtime: production dependencies and built output only, as the unprivileged node user ---
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    GRAPH_STORE=neo4j \
    HOST=0.0.0.0 \
    PORT=4000
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json /app/package-lock.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
# Read at run time: the GraphQL schema, the seed graph and sources, the explorer page.
COPY --from=build --chown=node:node /app/schema ./schema
COPY --from=build --chown=node:node /app/seed ./seed
COPY --from=build --chown=node:node /app/web/dist ./web/dist
# The curation journal (CURATION_DB, default /app/data/curation.sqlite); mount a volume here.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 4000
# /healthz answers while the process is alive; /readyz also checks Neo4j (use it for load balancers).
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/src/cli.js", "start"]
