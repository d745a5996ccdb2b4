#!/usr/bin/env python3
"""librosa 0.10.2 reference outputs for the spectral and feature parity tests of GenreNotebooks.Tests.

Reads the four test signals in inputs/ and writes every file of outputs/ (see README.md beside this script for what
each file holds and which test compares it, with which tolerance). Every librosa call names the parameters the C#
tests assume, although they are librosa 0.10.2's defaults, so the recipe does not depend on those defaults.

Needs librosa 0.10.2 (its load() resamples with soxr_hq, so the soxr package), numpy, scipy and soundfile:
    pip install librosa==0.10.2.post1 soxr soundfile
Run from this folder:
    python3 make_reference.py
"""
import csv
import json
import os

import librosa
import numpy as np
import scipy.signal

HERE = os.path.dirname(os.path.abspath(__file__))
INPUTS = os.path.join(HERE, "inputs")
OUTPUTS = os.path.join(HERE, "outputs")

SIGNALS = ["chirp-3s", "noise-silence-square-3s", "stereo-44k-3s", "tone-chord-clicks-30s"]
SR = 22050
N_FFT = 2048
HOP = 512
N_MELS = 128
N_MFCC = 20
SEGMENT = 66149   # Kaggle's features_3_sec.csv segments are 66149 samples, one short of 3 s
SEGMENTS = 10

GTZAN_COLUMNS = (
    ["filename", "length", "chroma_stft_mean", "chroma_stft_var", "rms_mean", "rms_var",
     "spectral_centroid_mean", "spectral_centroid_var", "spectral_bandwidth_mean", "spectral_bandwidth_var",
     "rolloff_mean", "rolloff_var", "zero_crossing_rate_mean", "zero_crossing_rate_var",
     "harmony_mean", "harmony_var", "perceptr_mean", "perceptr_var", "tempo"]
    + [f"mfcc{i}_{s}" for i in range(1, N_MFCC + 1) for s in ("mean", "var")]
    + ["label"])


def save(name, values):
    """One matrix row per line, comma-separated, 9 significant digits (float32 round-trips)."""
    np.savetxt(os.path.join(OUTPUTS, name), np.atleast_2d(values), fmt="%.9g", delimiter=",")


def stft_magnitude(y):
    return np.abs(librosa.stft(y, n_fft=N_FFT, hop_length=HOP, window="hann", center=True, pad_mode="constant"))


def mel_power(y):
    return librosa.feature.melspectrogram(y=y, sr=SR, n_fft=N_FFT, hop_length=HOP, window="hann", center=True,
                                          pad_mode="constant", power=2.0, n_mels=N_MELS, htk=False, norm="slaney")


def chroma(y):
    # tuning=None: estimated from the power spectrogram (librosa.estimate_tuning), as chroma_stft does by default.
    return librosa.feature.chroma_stft(y=y, sr=SR, n_fft=N_FFT, hop_length=HOP, n_chroma=12, tuning=None, norm=np.inf)


def rms(y):
    return librosa.feature.rms(y=y, frame_length=N_FFT, hop_length=HOP, center=True, pad_mode="constant")


def centroid(y):
    return librosa.feature.spectral_centroid(y=y, sr=SR, n_fft=N_FFT, hop_length=HOP, center=True, pad_mode="constant")


def bandwidth(y):
    return librosa.feature.spectral_bandwidth(y=y, sr=SR, n_fft=N_FFT, hop_length=HOP, center=True,
                                              pad_mode="constant", p=2, norm=True)


def rolloff(y):
    return librosa.feature.spectral_rolloff(y=y, sr=SR, n_fft=N_FFT, hop_length=HOP, center=True,
                                            pad_mode="constant", roll_percent=0.85)


def zcr(y):
    return librosa.feature.zero_crossing_rate(y=y, frame_length=N_FFT, hop_length=HOP, center=True)


def mfcc(y):
    # mfcc(y=...) takes power_to_db(melspectrogram(y)) with ref=1.0, then an orthonormal DCT-II.
    return librosa.feature.mfcc(y=y, sr=SR, n_mfcc=N_MFCC, dct_type=2, norm="ortho", lifter=0,
                                n_fft=N_FFT, hop_length=HOP, n_mels=N_MELS)


def beat_tempo(y):
    # beat_track computes its own onset envelope with aggregate=np.median.
    tempo, beats = librosa.beat.beat_track(y=y, sr=SR, hop_length=HOP, start_bpm=120.0, tightness=100, units="frames")
    return float(np.atleast_1d(tempo)[0]), [int(b) for b in beats]


def hpss(y):
    return librosa.effects.hpss(y, kernel_size=31, power=2.0, mask=False, margin=1.0)


def gtzan_values(y):
    """The 57 numbers of a Kaggle GTZAN feature row: mean and numpy var (ddof 0) of each feature, tempo, MFCCs."""
    harmonic, percussive = hpss(y)
    m = mfcc(y)
    values = []
    for x in (chroma(y), rms(y), centroid(y), bandwidth(y), rolloff(y), zcr(y), harmonic, percussive):
        values += [float(np.mean(x)), float(np.var(x))]
    values.append(beat_tempo(y)[0])
    for k in range(N_MFCC):
        values += [float(np.mean(m[k])), float(np.var(m[k]))]
    return values


def main():
    os.makedirs(OUTPUTS, exist_ok=True)
    save("hann_periodic_2048.csv", scipy.signal.get_window("hann", N_FFT, fftbins=True))
    save(f"mel_filterbank_sr{SR}_nfft{N_FFT}_nmels{N_MELS}_slaney.csv",
         librosa.filters.mel(sr=SR, n_fft=N_FFT, n_mels=N_MELS, fmin=0.0, fmax=None, htk=False, norm="slaney"))
    save(f"chroma_filterbank_sr{SR}_nfft{N_FFT}.csv", librosa.filters.chroma(sr=SR, n_fft=N_FFT, n_chroma=12, tuning=0.0))

    summary = {"librosa_version": librosa.__version__, "files": {}}
    for name in SIGNALS:
        # librosa.load: mono (mean of the channels), resampled to 22050 Hz with soxr_hq, float32.
        y, sr = librosa.load(os.path.join(INPUTS, name + ".wav"), sr=SR, mono=True, res_type="soxr_hq")
        save(f"{name}.y_first4096.csv", y[:4096])
        save(f"{name}.stft_mag_frames0-2.csv", stft_magnitude(y)[:, :3].T)   # rows = frames 0..2, columns = bins
        mel = mel_power(y)
        save(f"{name}.mel_power.csv", mel)
        save(f"{name}.logmel_db_refmax.csv", librosa.power_to_db(mel, ref=np.max, amin=1e-10, top_db=80.0))
        save(f"{name}.mfcc20.csv", mfcc(y))
        save(f"{name}.chroma_stft.csv", chroma(y))
        save(f"{name}.spectral_centroid.csv", centroid(y))
        save(f"{name}.spectral_bandwidth.csv", bandwidth(y))
        save(f"{name}.spectral_rolloff.csv", rolloff(y))
        save(f"{name}.zero_crossing_rate.csv", zcr(y))
        save(f"{name}.rms.csv", rms(y))
        save(f"{name}.onset_strength.csv",
             librosa.onset.onset_strength(y=y, sr=SR, n_fft=N_FFT, hop_length=HOP, lag=1, max_size=1, aggregate=np.mean))

        harmonic, percussive = hpss(y)
        tempo, beats = beat_tempo(y)
        summary["files"][name + ".wav"] = {
            "samples_after_load": len(y),
            "sr": sr,
            "hpss": {
                "harmonic_mean": float(np.mean(harmonic)),
                "harmonic_var": float(np.var(harmonic)),
                "percussive_mean": float(np.mean(percussive)),
                "percussive_var": float(np.var(percussive)),
            },
            "beat_track_tempo": tempo,
            "beat_frames": beats,
        }

        # The whole clip, then (for a clip long enough) Kaggle's ten 3-s segments [i * 66149, (i + 1) * 66149).
        rows = [[name + ".wav", len(y)] + gtzan_values(y) + ["ref"]]
        if len(y) >= SEGMENTS * SEGMENT:
            for i in range(SEGMENTS):
                rows.append([f"{name}.{i}.wav", SEGMENT] + gtzan_values(y[i * SEGMENT:(i + 1) * SEGMENT]) + ["ref"])
        with open(os.path.join(OUTPUTS, name + ".gtzan_features.csv"), "w", newline="") as f:
            writer = csv.writer(f)   # csv's default line ending, \r\n
            writer.writerow(GTZAN_COLUMNS)
            writer.writerows(rows)

    with open(os.path.join(OUTPUTS, "summary.json"), "w") as f:
        json.dump(summary, f, indent=1)


if __name__ == "__main__":
    main()
