# Build stage: compiles the TypeScript with the dev dependencies.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY projections ./projections
COPY web ./web
RUN npm run build \
  && mkdir /migrations \
  && find src projections -name '*.sql' -exec cp --parents {} /migrations/ \;

# Runtime stage: the compiled app, its SQL migrations (read from the source tree's paths)
# and the production dependencies. The optional ones are left out: the embedded
# PostgreSQL binaries (the image always runs with DATABASE_URL) and pg's Cloudflare socket.
FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --omit=optional --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist/src ./dist/src
COPY --from=build /app/dist/projections ./dist/projections
COPY --from=build /app/dist/web ./dist/web
COPY --from=build /migrations/ ./
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:4000/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# The Node flags are package.json's config.nodeFlags, as npm start passes them; exec keeps node as PID 1.
CMD ["/bin/sh", "-c", "exec node $(node -p \"require('./package.json').config.nodeFlags\") dist/src/main.js"]
