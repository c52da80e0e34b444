#!/usr/bin/env bash
# Command-line tools the test suite runs besides the JDK: curl, which the Dockerfile's training run uses
# (ImageTrainingRunIT runs that step outside Docker). Installs with apt when missing; safe to rerun.
set -euo pipefail
if ! command -v curl >/dev/null; then
  apt-get update -qq
  apt-get install -y -qq curl >/dev/null
fi
