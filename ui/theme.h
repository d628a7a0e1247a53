// Dark (default) and light palettes on the Fusion style.
#pragma once

#include <QIcon>
#include <QString>

class QApplication;
class QColor;

namespace cxr::ui {

enum class Theme { Dark, Light };

Theme themeFromString(const QString& s);  // "light" -> Light, anything else -> Dark
QString themeName(Theme t);
void applyTheme(Theme t);                 // on qApp
Theme currentTheme();
// An SVG icon from :/icons drawn with `currentColor` replaced by the given colour (the palette's
// text colour: icons that follow the theme).
QIcon tintedIcon(const QString& name, const QColor& colour);

}  // namespace cxr::ui
