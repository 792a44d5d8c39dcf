#!/usr/bin/env bash
# Adds a migration for both database engines: ./scripts/add-migration.sh NameOfChange
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?Usage: scripts/add-migration.sh NameOfChange}
dotnet tool restore >/dev/null
dotnet dotnet-ef migrations add "$name" --project src/CareReview.Web --context SqliteAppDbContext \
  --output-dir Data/Migrations/Sqlite
dotnet dotnet-ef migrations add "$name" --project src/CareReview.Web --context PostgresAppDbContext \
  --output-dir Data/Migrations/Postgres -- --Database:Provider=Postgres "--ConnectionStrings:App=Host=localhost"
