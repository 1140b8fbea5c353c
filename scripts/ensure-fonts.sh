#!/usr/bin/env bash
# Makes sure a CJK font is installed, so formulas with \text{中文} rasterise to real glyphs
# rather than empty boxes (librsvg finds fonts through fontconfig). Tests and CI use the small
# fonts-wqy-microhei (~5 MB installed); the Docker image installs fonts-noto-cjk instead.
# A no-op when any CJK font is present; never fails the caller when apt is unavailable.
set -uo pipefail

have_cjk_font() {
  command -v fc-list >/dev/null 2>&1 && [[ -n "$(fc-list :lang=zh family 2>/dev/null)" ]]
}

if have_cjk_font; then
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-fonts: no CJK font and no apt-get; install a CJK font (e.g. WenQuanYi Micro Hei) by hand" >&2
  exit 0
fi

sudo=''
if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1; then sudo='sudo -n'; else
    echo "ensure-fonts: not root and no sudo; cannot install fonts-wqy-microhei" >&2
    exit 0
  fi
fi

export DEBIAN_FRONTEND=noninteractive
if ! $sudo apt-get install -y --no-install-recommends fonts-wqy-microhei fontconfig >/dev/null 2>&1; then
  # The package lists may be missing or stale on a fresh machine.
  $sudo apt-get update >/dev/null 2>&1 || true
  $sudo apt-get install -y --no-install-recommends fonts-wqy-microhei fontconfig >/dev/null 2>&1 ||
    echo "ensure-fonts: could not install fonts-wqy-microhei; CJK text in formulas will show as boxes" >&2
fi

have_cjk_font || echo "ensure-fonts: still no CJK font after install" >&2
exit 0
