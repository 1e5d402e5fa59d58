#!/bin/sh
# Renders the app icon at every shipped size (needs rsvg-convert from librsvg2-bin)
# into icons/ and into the resources the app loads its window icons from.
set -e
cd "$(dirname "$0")"
for size in 16 32 48 64 128 256 512; do
  rsvg-convert -w "$size" -h "$size" aei.svg -o "aei-$size.png"
  cp "aei-$size.png" ../src/main/resources/dev/aei/ui/icons/
done
