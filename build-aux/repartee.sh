#!/usr/bin/env bash
# repartee.sh run|test|bench: installs the Debian 12 packages that are
# missing, builds, and then opens the app on the demo project (run), runs
# every test suite (test) or runs the benchmark (bench).
set -euo pipefail

cd "$(dirname "$0")/.."
BUILD=${BUILD:-_build}

PACKAGES=(
  build-essential meson ninja-build pkg-config gettext
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev libjson-glib-dev libxml2-dev check
  xvfb xauth desktop-file-utils appstream python3 valgrind clang libclang-rt-14-dev
  yelp-tools
)

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_missing() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
}

# build [OPTION…]: sets the build folder up (or changes its options) and builds.
build() {
  if [ ! -f "$BUILD/build.ninja" ]; then
    meson setup "$BUILD" --buildtype=debugoptimized -Dwerror=true "$@"
  elif [ $# -gt 0 ]; then
    meson configure "$BUILD" "$@"
  fi
  meson compile -C "$BUILD"
}

cmd=${1:-}
case "$cmd" in
  run)
    shift
    install_missing
    build
    if [ $# -eq 0 ]; then set -- "$PWD/data/examples/demo.json"; fi
    # meson devenv (meson.build) sets where the uninstalled app finds its
    # schemas, the translations compiled in the build folder (try
    # LANGUAGE=de), the demo and the guide.
    exec meson devenv -C "$BUILD" -w "$PWD" "$PWD/$BUILD/src/app/repartee" "$@"
    ;;
  test)
    install_missing
    # The benchmark is built too, so that it keeps compiling.
    build -Dbenchmarks=true
    # The app suites need a display: one Xvfb server for each run.
    xvfb-run -a -s "-screen 0 1400x900x24" \
      meson test -C "$BUILD" -v --print-errorlogs --num-processes 2

    # The same suites again, built with AddressSanitizer and UBSan.
    SAN=${BUILD}-sanitize
    if [ ! -f "$SAN/build.ninja" ]; then
      meson setup "$SAN" --buildtype=debug -Dwerror=true \
        -Db_sanitize=address,undefined -Db_lundef=false
    fi
    meson compile -C "$SAN"
    export G_SLICE=always-malloc G_DEBUG=gc-friendly
    export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
    # Leaks are checked where the code is ours alone; GTK, fontconfig and
    # Mesa keep process-lifetime caches that LeakSanitizer would report.
    # No GIO modules there: GIO keeps the ones it loads (dconf's GSettings
    # backend) for the life of the process, out of LeakSanitizer's sight.
    mkdir -p "$SAN/no-gio-modules"
    GIO_MODULE_DIR="$PWD/$SAN/no-gio-modules" ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
      meson test -C "$SAN" -v --print-errorlogs --num-processes 2 --no-suite app
    ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 \
      xvfb-run -a -s "-screen 0 1400x900x24" \
      meson test -C "$SAN" -v --print-errorlogs --num-processes 2 --suite app

    # The libFuzzer targets (clang, -Dfuzzing=true; docs/RELIABILITY.md):
    # built, and each run 20,000 times from its seed corpus with a fixed
    # seed, so that a run is repeatable. Leaks are left to the suites above
    # (json-glib 1.6 leaks a cycle on some damaged input): LeakSanitizer's
    # check at exit is off here, not only libFuzzer's own.
    FUZZ=${BUILD}-fuzz
    if [ ! -f "$FUZZ/build.ninja" ]; then
      CC=clang meson setup "$FUZZ" --buildtype=debug -Dfuzzing=true -Dtests=false \
        -Db_sanitize=address,undefined -Db_lundef=false -Dwerror=false
    fi
    for pair in project:project text:text reanchor:project import-jsonl:import-jsonl \
                import-label-studio:import-label-studio import-brat:import-brat html:html; do
      target=fuzz-${pair%%:*}
      corpus=tests/fuzz/corpus/${pair#*:}
      ninja -C "$FUZZ" "tests/fuzz/$target"
      work=$(mktemp -d)
      ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 \
        "$FUZZ/tests/fuzz/$target" -seed=1 -runs=20000 -max_len=4096 -timeout=10 -detect_leaks=0 \
        "$work" "$corpus"
      rm -rf "$work"
    done
    ;;
  bench)
    shift
    install_missing
    build -Dbenchmarks=true
    exec "$BUILD/bench/repartee-bench" "$@"
    ;;
  *)
    echo "usage: $0 run [FILE…] | test | bench [OPTIONS]" >&2
    exit 2
    ;;
esac
