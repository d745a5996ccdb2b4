#!/usr/bin/env bash
# Regenerates the mp3/ogg fixtures and ffmpeg's float32 decodes of them (see README.md in this folder).
# Usage: bash make-fixtures.sh <folder holding Kevin_MacLeod_-_Vibe_Ace.ogg>
set -euo pipefail
music="${1:?usage: make-fixtures.sh <real-music folder>}"
cd "$(dirname "$0")"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
ff=(ffmpeg -nostdin -v error -y)

# Synthetic sources, 16-bit WAV. Stereo 44.1 kHz, 0.25 s: an A-minor chord with a 20 ms attack on the left,
# a 660 Hz tone joined by a 990 Hz one at 0.1 s and a little noise on the right (a loud noise burst on one channel
# only makes NLayer 3.0.1 mis-decode short blocks, see README.md). Mono 22.05 kHz, 0.5 s: a chord whose upper note glides, plus noise.
"${ff[@]}" -f lavfi -i "aevalsrc=exprs='min(1,t/0.02)*(0.3*sin(2*PI*220*t)+0.2*sin(2*PI*261.63*t)+0.2*sin(2*PI*329.63*t))|0.4*sin(2*PI*660*t)+0.2*sin(2*PI*990*t)*gte(t,0.1)+0.02*(random(0)-0.5)':s=44100:d=0.25" -c:a pcm_s16le "$tmp/stereo-44k.wav"
"${ff[@]}" -f lavfi -i "aevalsrc=exprs='0.3*sin(2*PI*196*t)+0.2*sin(2*PI*246.94*t)+0.2*sin(2*PI*(293.66+200*t)*t)+0.1*(random(0)-0.5)':s=22050:d=0.5" -c:a pcm_s16le "$tmp/mono-22k.wav"
# A 0.5-s excerpt of a CC-BY recording (22.05 kHz mono), see Kevin_MacLeod_-_Vibe_Ace.txt.
"${ff[@]}" -ss 10 -t 0.5 -i "$music/Kevin_MacLeod_-_Vibe_Ace.ogg" -c:a pcm_s16le "$tmp/vibe-ace-22k.wav"

# MP3s encoded by lame (LAME tag in a Xing/Info frame unless -t) and by ffmpeg's libmp3lame (tag says "Lavc"/"Lavf").
lame --quiet --cbr -b 128 --add-id3v2 --tt "fixture" "$tmp/stereo-44k.wav" lame-cbr-stereo-44k.mp3
lame --quiet -V 4 "$tmp/vibe-ace-22k.wav" lame-vbr-mono-22k.mp3
lame --quiet --cbr -b 32 -t "$tmp/mono-22k.wav" lame-cbr-mono-22k-notag.mp3
"${ff[@]}" -i "$tmp/mono-22k.wav" -c:a libmp3lame -b:a 48k ffmpeg-cbr-mono-22k.mp3
"${ff[@]}" -i "$tmp/stereo-44k.wav" -c:a libmp3lame -q:a 7 ffmpeg-vbr-stereo-44k.mp3
"${ff[@]}" -i "$tmp/stereo-44k.wav" -c:a libmp3lame -b:a 96k -write_xing 0 -id3v2_version 0 ffmpeg-cbr-stereo-44k-noxing.mp3

# Ogg Vorbis by the reference encoder (oggenc, libvorbis). None of the lengths fills its last block, so the last
# page's granule position cuts the final packet short. The first two span several pages (high quality, so pages fill
# fast); the third fits in one audio page, where ffmpeg 5.1 trims 128 samples too many at the end (see README.md).
oggenc --quiet -q 10 -o vorbis-stereo-44k.ogg "$tmp/stereo-44k.wav"
oggenc --quiet -q 10 -o vorbis-mono-22k.ogg "$tmp/vibe-ace-22k.wav"
oggenc --quiet -q 2 -o vorbis-mono-22k-onepage.ogg "$tmp/mono-22k.wav"

# ffmpeg's decodes, float32 WAV at the native rate and channel count.
rm -f ./*.ffmpeg.wav
for f in *.mp3 *.ogg; do
  "${ff[@]}" -i "$f" -f wav -c:a pcm_f32le "${f%.*}.ffmpeg.wav"
done
