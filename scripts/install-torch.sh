#!/usr/bin/env bash
# Install the CPU build of torch 2.13.0 with the given pip (default: pip on PATH), before the
# project itself, so nothing later pulls the multi-GB CUDA build.
#
#   bash scripts/install-torch.sh .venv/bin/pip
#
# Where PyTorch's CPU wheel index answers, torch comes from it (2.13.0+cpu). Where it does not
# (an offline mirror, a machine whose pip already serves a CPU wheel from a local folder), the
# plain pinned install is used, and the result is checked: a CUDA build is refused with a clear
# message instead of silently filling the disk.
# FRAMECRAFT_TORCH_INDEX overrides the CPU index URL; FRAMECRAFT_TORCH_INDEX=none skips it.
set -euo pipefail

PIP=${1:-pip}
TORCH_SPEC=torch==2.13.0
CPU_INDEX=${FRAMECRAFT_TORCH_INDEX:-https://download.pytorch.org/whl/cpu}
PY=$(dirname "$(command -v "$PIP")")/python
[ -x "$PY" ] || PY=python3

reachable() {
  [ "$CPU_INDEX" != none ] || return 1
  "$PY" - "$CPU_INDEX" <<'PYEOF' >/dev/null 2>&1
import sys, urllib.request
urllib.request.urlopen(sys.argv[1].rstrip("/") + "/torch/", timeout=5)
PYEOF
}

if reachable; then
  echo "install-torch: $TORCH_SPEC from the CPU index $CPU_INDEX" >&2
  "$PIP" install -q --disable-pip-version-check --extra-index-url "$CPU_INDEX" "$TORCH_SPEC"
else
  echo "install-torch: CPU index not reachable; $TORCH_SPEC from the configured index" >&2
  "$PIP" install -q --disable-pip-version-check "$TORCH_SPEC"
fi

if ! "$PY" -c 'import sys, torch; sys.exit(0 if torch.version.cuda is None else 1)' 2>/dev/null; then
  if [ "${FRAMECRAFT_ALLOW_CUDA_TORCH:-}" = 1 ]; then
    echo "install-torch: a CUDA build of torch is installed (allowed by FRAMECRAFT_ALLOW_CUDA_TORCH=1)" >&2
  else
    echo "install-torch: the installed torch is not the CPU build; uninstall it and point" \
      "FRAMECRAFT_TORCH_INDEX at a CPU wheel index (or set FRAMECRAFT_ALLOW_CUDA_TORCH=1)" >&2
    exit 1
  fi
fi
