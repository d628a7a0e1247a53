// Dark (default) and light palettes on the Fusion style.
#pragma once

#include <QString>

class QApplication;

namespace cxr::ui {

enum class Theme { Dark, Light };

Theme themeFromString(const QString& s);  // "light" -> Light, anything else -> Dark
QString themeName(Theme t);
void applyTheme(Theme t);                 // on qApp
Theme currentTheme();

}  // namespace cxr::ui
