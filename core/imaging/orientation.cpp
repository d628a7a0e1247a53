#include "orientation.h"

#include <QStringList>

#include <cmath>

namespace cxr {

namespace {
QString cleanDirection(const QString& s) {
    QString out;
    for (const QChar c : s.trimmed().toUpper())
        if (QStringLiteral("LRAPHF").contains(c)) out += c;
    return out;
}
}  // namespace

PatientDirections patientDirections(const QString& patientOrientation, const QString& viewPosition) {
    PatientDirections d;
    const QStringList parts = patientOrientation.split(QLatin1Char('\\'));
    if (parts.size() == 2) {
        d.row = cleanDirection(parts[0]);
        d.column = cleanDirection(parts[1]);
        if (d.known()) return d;
    }
    const QString view = viewPosition.trimmed().toUpper();
    if (view == QLatin1String("PA") || view == QLatin1String("AP")) {
        d = {QStringLiteral("L"), QStringLiteral("F"), true};
    } else if (view == QLatin1String("LL") || view == QLatin1String("RL") || view == QLatin1String("LATERAL") ||
               view == QLatin1String("LAT")) {
        d = {QString(), QStringLiteral("F"), true};
    }
    return d;
}

QString oppositeDirection(const QString& direction) {
    QString out;
    for (const QChar c : direction) {
        switch (c.toLatin1()) {
        case 'L': out += QLatin1Char('R'); break;
        case 'R': out += QLatin1Char('L'); break;
        case 'A': out += QLatin1Char('P'); break;
        case 'P': out += QLatin1Char('A'); break;
        case 'H': out += QLatin1Char('F'); break;
        case 'F': out += QLatin1Char('H'); break;
        default: break;
        }
    }
    return out;
}

EdgeMarkers edgeMarkers(const PatientDirections& d, const ImageGeometry& g) {
    // Where the image's +x and +y point on screen (only quarter turns and flips: axis-aligned).
    const PointF o = g.imageToScreen({0, 0}), ex = g.imageToScreen({1, 0}), ey = g.imageToScreen({0, 1});
    const double xx = ex.x - o.x, xy = ex.y - o.y, yx = ey.x - o.x, yy = ey.y - o.y;
    EdgeMarkers m;
    // Screen right: the image axis that runs horizontally, in the sense it runs.
    if (std::fabs(xx) >= std::fabs(yx)) m.right = xx > 0 ? d.row : oppositeDirection(d.row);
    else m.right = yx > 0 ? d.column : oppositeDirection(d.column);
    if (std::fabs(xy) >= std::fabs(yy)) m.bottom = xy > 0 ? d.row : oppositeDirection(d.row);
    else m.bottom = yy > 0 ? d.column : oppositeDirection(d.column);
    m.left = oppositeDirection(m.right);
    m.top = oppositeDirection(m.bottom);
    return m;
}

}  // namespace cxr
