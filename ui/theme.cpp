#include "theme.h"

#include <QApplication>
#include <QFile>
#include <QPalette>
#include <QPixmap>
#include <QStyle>
#include <QStyleFactory>

namespace cxr::ui {

namespace {
Theme g_theme = Theme::Dark;
}

Theme themeFromString(const QString& s) { return s.trimmed().toLower() == QLatin1String("light") ? Theme::Light : Theme::Dark; }
QString themeName(Theme t) { return t == Theme::Light ? QStringLiteral("light") : QStringLiteral("dark"); }
Theme currentTheme() { return g_theme; }

QIcon tintedIcon(const QString& name, const QColor& colour) {
    QFile f(QStringLiteral(":/icons/%1.svg").arg(name));
    if (!f.open(QIODevice::ReadOnly)) return {};
    QByteArray svg = f.readAll();
    svg.replace("currentColor", colour.name().toLatin1());
    QIcon icon;
    for (int size : {16, 24, 32, 48}) {
        QPixmap pm;
        if (pm.loadFromData(svg, "SVG")) icon.addPixmap(pm.scaled(size, size, Qt::KeepAspectRatio, Qt::SmoothTransformation));
    }
    return icon;
}

void applyTheme(Theme t) {
    g_theme = t;
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QPalette p;
    if (t == Theme::Dark) {
        const QColor window(0x23, 0x25, 0x2b), base(0x18, 0x1a, 0x1f), text(0xe6, 0xe8, 0xeb),
            button(0x2c, 0x2f, 0x36), highlight(0x3d, 0x7e, 0xd6), disabled(0x80, 0x84, 0x8c);
        p.setColor(QPalette::Window, window);
        p.setColor(QPalette::WindowText, text);
        p.setColor(QPalette::Base, base);
        p.setColor(QPalette::AlternateBase, QColor(0x20, 0x22, 0x28));
        p.setColor(QPalette::ToolTipBase, button);
        p.setColor(QPalette::ToolTipText, text);
        p.setColor(QPalette::PlaceholderText, disabled);
        p.setColor(QPalette::Text, text);
        p.setColor(QPalette::Button, button);
        p.setColor(QPalette::ButtonText, text);
        p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
        p.setColor(QPalette::Link, QColor(0x6f, 0xa8, 0xff));
        p.setColor(QPalette::Highlight, highlight);
        p.setColor(QPalette::HighlightedText, Qt::white);
        p.setColor(QPalette::Light, QColor(0x3a, 0x3d, 0x45));
        p.setColor(QPalette::Midlight, QColor(0x32, 0x35, 0x3c));
        p.setColor(QPalette::Mid, QColor(0x1f, 0x21, 0x26));
        p.setColor(QPalette::Dark, QColor(0x14, 0x15, 0x19));
        p.setColor(QPalette::Shadow, Qt::black);
        for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
            p.setColor(QPalette::Disabled, role, disabled);
    } else {
        p = QApplication::style()->standardPalette();
        p.setColor(QPalette::Highlight, QColor(0x2a, 0x6c, 0xc8));
        p.setColor(QPalette::HighlightedText, Qt::white);
    }
    QApplication::setPalette(p);
}

}  // namespace cxr::ui
