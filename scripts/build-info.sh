#!/usr/bin/env bash
# What a build records about itself, run by Maven before the classes are packed:
#   build-info.sh VERSION PROJECT_ROOT CLASSES_DIR MANIFEST_FILE
# writes CLASSES_DIR/ibinit/build-info.properties (read by ibinit.train.BuildInfo) and
# MANIFEST_FILE (merged into the jar's manifest): the version, the git commit of PROJECT_ROOT
# and whether tracked files differed from it. Where PROJECT_ROOT is not itself a git checkout
# (a source tarball, or one unpacked inside some other repository) or git is missing, the commit
# and the dirty flag are "unknown". Never fails the build.
set -u
version="$1" root="$2" classes="$3" manifest="$4"
commit=unknown dirty=unknown
if command -v git >/dev/null 2>&1; then
  top="$(git -C "$root" rev-parse --show-toplevel 2>/dev/null || true)"
  if [ -n "$top" ] && [ "$(cd "$top" && pwd -P)" = "$(cd "$root" && pwd -P)" ]; then
    commit="$(git -C "$root" rev-parse HEAD 2>/dev/null || echo unknown)"
    if [ "$commit" != unknown ]; then
      if changes="$(git -C "$root" status --porcelain --untracked-files=no 2>/dev/null)"; then
        if [ -z "$changes" ]; then dirty=false; else dirty=true; fi
      fi
    fi
  fi
fi
mkdir -p "$classes/ibinit" "$(dirname "$manifest")"
printf 'version=%s\ncommit=%s\ndirty=%s\n' "$version" "$commit" "$dirty" > "$classes/ibinit/build-info.properties"
printf 'Ibinit-Git-Commit: %s\nIbinit-Git-Dirty: %s\n' "$commit" "$dirty" > "$manifest"
