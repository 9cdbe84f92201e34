#!/usr/bin/env bash
# Makes sure what the tests need is here and running: Debian's Chromium for the browser tests,
# Xvfb for the headed ones, ffmpeg for recordings,
# PostgreSQL on 127.0.0.1:5432 and Redis on 127.0.0.1:6379. Installs with apt-get when missing
# (needs root), starts the services when they are down. Safe to run again.
set -euo pipefail

need_root() {
  if [ "$(id -u)" != 0 ]; then
    echo "error: $1 is missing and installing it needs root (run: sudo $0)" >&2
    exit 1
  fi
}

apt_updated=0
apt_install() {
  need_root "$*"
  if [ $apt_updated = 0 ]; then apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian's chromium for the browser tests…"
  apt_install chromium
fi

# Xvfb: the extension's browser test that headless Chromium cannot run (a real entire-screen
# capture and the exam tab's capture) runs headed on a virtual display.
if ! command -v Xvfb >/dev/null 2>&1; then
  echo "Installing Xvfb…"
  apt_install --no-install-recommends xvfb
fi

# ffmpeg/ffprobe: the SFU remuxes recordings with codec copy; tests check the files with ffprobe.
if ! command -v ffmpeg >/dev/null 2>&1 || ! command -v ffprobe >/dev/null 2>&1; then
  echo "Installing ffmpeg…"
  apt_install ffmpeg
fi

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  echo "Installing PostgreSQL…"
  apt_install postgresql
fi
if ! pg_isready -q -h 127.0.0.1 -p 5432; then
  echo "Starting PostgreSQL…"
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  hba="/etc/postgresql/$version/main/pg_hba.conf"
  # Tests connect as postgres over TCP without a password, as on the project's machines.
  if ! grep -qE '^host\s+all\s+all\s+127\.0\.0\.1/32\s+trust' "$hba"; then
    sed -i '1i host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust' "$hba"
  fi
  pg_ctlcluster --skip-systemctl-redirect "$version" main start
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
fi
pg_isready -h 127.0.0.1 -p 5432

if ! command -v redis-server >/dev/null 2>&1; then
  echo "Installing Redis…"
  apt_install redis-server
fi
if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
  echo "Starting Redis…"
  mkdir -p /var/lib/redis /var/log/redis
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log
  for _ in $(seq 1 30); do redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && break; sleep 1; done
fi
echo "redis: $(redis-cli -h 127.0.0.1 -p 6379 ping)"
