#!/usr/bin/env bash
# Fails when a server/src/**/schema.ts changed without a migration: drizzle-kit must find nothing
# to generate. (Run `npm run db:generate` and commit the new file in server/drizzle/.)
set -euo pipefail
cd "$(dirname "$0")/../server"
out=$(npx drizzle-kit generate --name schema_drift 2>&1)
if ! grep -q "No schema changes" <<<"$out"; then
  echo "$out"
  echo "error: the schema differs from the migrations in server/drizzle/; run npm run db:generate" >&2
  exit 1
fi
echo "migrations match the schema"
