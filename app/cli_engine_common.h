// Helpers shared by the engine commands of cxr-ground (ground, evaluate): how an image is read as
// a reader sees it and how the method options are parsed.
#pragma once

#include "grounding/engine.h"

#include <QString>
#include <QStringList>

namespace cxr::cli {

// The image as a reader sees it, 8-bit grey (colour: ITU-R 601 luma, as PIL's convert('L')).
// The cache key is the absolute file path.
bool readerImage(const QString& path, grounding::GreyImage* out, QString* error);

// Common engine options: the method (--steps, --window A:B, --layers L,..., --no-otsu,
// --attribution NAME when `attribution` is given) and the run (--device, --precision, --threads,
// --allow-tf32); returns false (with a message) on a bad value. Consumes the arguments it knows.
// --preset paper|fast sets the method first (fast: the paper's ablation setting, 100 steps,
// calls 40-59, layers 3-8, Otsu); options given with it override it.
bool parseSettings(QStringList& args, grounding::Settings* s, grounding::RunSettings* run, QString* error,
                   bool attribution = false);
// The persistent trajectory cache: on by default in the XDG cache folder; --cache-dir DIR,
// --cache-max-mb N, --no-cache. Consumes the arguments it knows.
struct CacheOptions {
    bool enabled = true;
    QString dir;            // empty: TrajectoryCache::defaultDir()
    quint64 maxBytes = 0;   // 0: the default bound (2 GiB)
};
bool parseCacheOptions(QStringList& args, CacheOptions* c, QString* error);
// Applies the options to an engine (prints where the cache is, once).
void applyCache(grounding::Engine& engine, const CacheOptions& c);

// The run's device as the engine will use it; false with a message (exit 1: "--device cuda" on a
// build or machine without CUDA, a malformed device string).
bool checkDevice(const grounding::RunSettings& run, QString* error);

// Removes "name value" from args and returns the value ("" when absent; *present tells).
QString takeOption(QStringList& args, const QString& name, bool* present = nullptr);

}  // namespace cxr::cli
