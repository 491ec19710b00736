#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages Broadsheet needs, only those missing.
#   chromium        browser tests (Playwright drives /usr/bin/chromium) and screenshots
#   wordnet-base    the English dictionary data (read with NLTK's WordNet reader)
#   poppler-utils   pdftotext, to read back printed PDFs in tests
#   fonts-noto-core, fonts-noto-cjk, fonts-noto-color-emoji  the print view's Noto Serif/Sans, Hangul and emoji
#                   in screenshots and printed PDFs (one set of fonts on every machine)
#   gettext         compiles the Korean translations
#   wrk, nginx-light  the bench harness (load generator and the static ceiling)
#   nginx-light, postgresql, redis-server  `make prod` (the front cache and the services it runs over)
#   python3-venv    the project's virtual environment
set -euo pipefail
want=(chromium wordnet-base poppler-utils fonts-noto-core fonts-noto-cjk fonts-noto-color-emoji gettext python3-venv)
[ "${WITH_BENCH:-0}" = 1 ] && want+=(wrk nginx-light)
[ "${WITH_PROD:-0}" = 1 ] && want+=(nginx-light postgresql redis-server)
missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
echo "Installing Debian packages: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
