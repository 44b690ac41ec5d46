#!/usr/bin/env bash
# Creates an Nx project folder with its project.json and jest config: scaffold-project.sh <dir> <name> <tags...>
set -euo pipefail
dir=$1; name=$2; shift 2
kind=library; [[ $dir == apps/* ]] && kind=application
mkdir -p "$dir/src"
rel=$(realpath --relative-to="$dir" .)
tags=$(printf '"%s",' "$@"); tags=${tags%,}
[ -f "$dir/project.json" ] || cat > "$dir/project.json" <<JSON
{
  "\$schema": "$rel/node_modules/nx/schemas/project-schema.json",
  "name": "$name",
  "projectType": "$kind",
  "sourceRoot": "$dir/src",
  "tags": [$tags]
}
JSON
[ -f "$dir/jest.config.cjs" ] || cat > "$dir/jest.config.cjs" <<JS
module.exports = { displayName: '$name', preset: '$rel/jest.preset.cjs', rootDir: __dirname };
JS
