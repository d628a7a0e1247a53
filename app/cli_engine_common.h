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

// Common engine options (--steps, --window A:B, --layers L,..., --device, --precision, --threads,
// --no-otsu); returns false (with a message) on a bad value. Consumes the arguments it knows.
bool parseSettings(QStringList& args, grounding::Settings* s, QString* error);

// Removes "name value" from args and returns the value ("" when absent; *present tells).
QString takeOption(QStringList& args, const QString& name, bool* present = nullptr);

}  // namespace cxr::cli
