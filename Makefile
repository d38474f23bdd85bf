# trawl: `make run` and `make test` work on a fresh Debian 12 machine (as root, or with sudo).
SHELL := /bin/bash
PKGS := meson ninja-build pkg-config gcc clang libclang-rt-14-dev \
        libpcap-dev libpcre2-dev libzstd-dev zlib1g-dev libssl-dev libbrotli-dev \
        tshark tcpdump python3 python3-scapy time
PY := /usr/bin/python3
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps build build-asan build-fuzz run test test-quick bench clean

all: build

deps:
	@missing=$$(for p in $(PKGS); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing: $$missing"; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi

build/build.ninja:
	meson setup build --buildtype=release -Db_ndebug=true

build: build/build.ninja
	ninja -C build

build-asan/build.ninja:
	CC=clang meson setup build-asan --buildtype=debug -Doptimization=1 -Db_sanitize=address,undefined -Db_lundef=false -Dfuzz=true

build-asan: build-asan/build.ninja
	ninja -C build-asan

run: deps build
	./build/trawl -r tests/pcaps/tour.pcapng

test: deps build build-asan
	$(PY) tests/run.py

test-quick: build
	$(PY) tests/run.py --quick

bench: deps build
	$(PY) bench/run.py

clean:
	rm -rf build build-asan
