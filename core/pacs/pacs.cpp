#include "pacs.h"

#include "pacs_internal.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/oflog/oflog.h>

namespace cxr::pacs {

namespace {

bool validDate(const QString& d) {
    static const QRegularExpression re(QStringLiteral("^\\d{8}$"));
    if (!re.match(d).hasMatch()) return false;
    const int m = d.mid(4, 2).toInt(), day = d.mid(6, 2).toInt();
    return m >= 1 && m <= 12 && day >= 1 && day <= 31;
}

// Query values end up in URLs and DICOM data sets: no control characters, no backslash (the
// DICOM value separator), at most 64 characters.
bool validText(const QString& s) {
    if (s.size() > 64) return false;
    for (const QChar c : s)
        if (c.unicode() < 0x20 || c == QLatin1Char('\\') || c.unicode() == 0x7F) return false;
    return true;
}

QString levelName(Level l) {
    switch (l) {
    case Level::Study: return QStringLiteral("study");
    case Level::Series: return QStringLiteral("series");
    case Level::Instance: return QStringLiteral("instance");
    }
    return QString();
}

}  // namespace

QString cancelledMessage() { return PacsText::tr("cancelled"); }

void quietDcmtk() {
    // DCMTK logs warnings to the console by default; our messages say what went wrong.
    OFLog::configure(OFLogger::FATAL_LOG_LEVEL);
}

QString Server::spec() const {
    if (kind == Kind::DicomWeb) return QStringLiteral("dicomweb:") + url.toString(QUrl::RemoveUserInfo);
    return QStringLiteral("dimse:%1@%2:%3").arg(calledAet, host).arg(port);
}

QString Server::label() const { return name.isEmpty() ? spec() : name; }

bool parseServer(const QString& spec, Server* out, QString* error) {
    *out = Server();
    auto bad = [&](const QString& why) {
        if (error) *error = why;
        return false;
    };
    if (spec.startsWith(QLatin1String("dicomweb:"))) {
        const QUrl url(spec.mid(9), QUrl::StrictMode);
        const QString scheme = url.scheme().toLower();
        if (!url.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https")) || url.host().isEmpty())
            return bad(PacsText::tr("%1 is not a DICOMweb server: give dicomweb:http(s)://host:port/path-of-the-root").arg(spec));
        if (!url.userInfo().isEmpty())
            return bad(PacsText::tr("%1 carries a user name or password in the URL; use --user and CXRG_PACS_PASSWORD instead").arg(spec));
        out->kind = Kind::DicomWeb;
        out->url = url;
        QString path = url.path();
        while (path.endsWith(QLatin1Char('/'))) path.chop(1);
        out->url.setPath(path);
        return true;
    }
    if (spec.startsWith(QLatin1String("dimse:"))) {
        static const QRegularExpression re(QStringLiteral("^dimse:([^@]{1,16})@(.+):(\\d{1,5})$"));
        const QRegularExpressionMatch m = re.match(spec);
        const int port = m.hasMatch() ? m.captured(3).toInt() : 0;
        if (!m.hasMatch() || port < 1 || port > 65535)
            return bad(PacsText::tr("%1 is not a DIMSE server: give dimse:AETITLE@host:port (AE title at most 16 characters)").arg(spec));
        if (!isValidAeTitle(m.captured(1)))
            return bad(PacsText::tr("%1: the AE title %2 has characters DICOM does not allow").arg(spec, m.captured(1)));
        out->kind = Kind::Dimse;
        out->calledAet = m.captured(1);
        out->host = m.captured(2);
        if (out->host.startsWith(QLatin1Char('[')) && out->host.endsWith(QLatin1Char(']'))) out->host = out->host.mid(1, out->host.size() - 2);
        out->port = quint16(port);
        return true;
    }
    return bad(PacsText::tr("%1: a server is dicomweb:http(s)://host:port/dicom-web or dimse:AETITLE@host:port").arg(spec));
}

bool isValidAeTitle(const QString& aet) {
    if (aet.trimmed().isEmpty() || aet.size() > 16) return false;
    for (const QChar c : aet)
        if (c.unicode() < 0x20 || c.unicode() > 0x7E || c == QLatin1Char('\\')) return false;
    return true;
}

bool isValidUid(const QString& uid) {
    static const QRegularExpression re(QStringLiteral("^(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))*$"));
    return !uid.isEmpty() && uid.size() <= 64 && re.match(uid).hasMatch();
}

bool validateQuery(const Query& q, QString* error) {
    auto bad = [&](const QString& why) {
        if (error) *error = why;
        return false;
    };
    if (!q.dateFrom.isEmpty() && !validDate(q.dateFrom)) return bad(PacsText::tr("%1 is not a date YYYYMMDD").arg(q.dateFrom));
    if (!q.dateTo.isEmpty() && !validDate(q.dateTo)) return bad(PacsText::tr("%1 is not a date YYYYMMDD").arg(q.dateTo));
    if (!q.dateFrom.isEmpty() && !q.dateTo.isEmpty() && q.dateFrom > q.dateTo)
        return bad(PacsText::tr("the date range %1-%2 ends before it starts").arg(q.dateFrom, q.dateTo));
    for (const QString* s : {&q.patientId, &q.patientName, &q.modality, &q.accession})
        if (!validText(*s)) return bad(PacsText::tr("the search value \"%1\" is too long or holds a backslash or control characters").arg(*s));
    if (!q.studyUid.isEmpty() && !isValidUid(q.studyUid)) return bad(PacsText::tr("%1 is not a valid Study Instance UID").arg(q.studyUid));
    if (!q.seriesUid.isEmpty() && !isValidUid(q.seriesUid)) return bad(PacsText::tr("%1 is not a valid Series Instance UID").arg(q.seriesUid));
    if (q.level == Level::Instance && q.studyUid.isEmpty()) return bad(PacsText::tr("an instance search needs a study"));
    if (q.limit < 1) return bad(PacsText::tr("the number of matches must be at least 1"));
    return true;
}

QJsonObject Match::toJson() const {
    QJsonObject o;
    o.insert(QStringLiteral("level"), levelName(level));
    o.insert(QStringLiteral("study_uid"), studyUid);
    if (level != Level::Study) o.insert(QStringLiteral("series_uid"), seriesUid);
    if (level == Level::Instance) {
        o.insert(QStringLiteral("sop_instance_uid"), sopInstanceUid);
        o.insert(QStringLiteral("sop_class_uid"), sopClassUid);
    }
    o.insert(QStringLiteral("patient_name"), patientName);
    o.insert(QStringLiteral("patient_id"), patientId);
    o.insert(QStringLiteral("date"), studyDate);
    if (!studyTime.isEmpty()) o.insert(QStringLiteral("time"), studyTime);
    o.insert(QStringLiteral("accession"), accession);
    o.insert(QStringLiteral("description"), description);
    o.insert(QStringLiteral("modalities"), QJsonArray::fromStringList(modalities));
    if (level == Level::Series && seriesNumber >= 0) o.insert(QStringLiteral("series_number"), seriesNumber);
    if (instances >= 0) o.insert(QStringLiteral("instances"), instances);
    else o.insert(QStringLiteral("instances"), QJsonValue());
    return o;
}

QString instanceFileName(const QString& sopInstanceUid) { return sopInstanceUid + QStringLiteral(".dcm"); }

Client::~Client() = default;

std::unique_ptr<Client> Client::create(const Server& server, const QString& password) {
    if (server.kind == Kind::DicomWeb) return createDicomWebClient(server, password);
    return createDimseClient(server);
}

bool Client::find(const Query& query, FindResult* out, QString* error, const std::atomic_bool* cancel) {
    *out = FindResult();
    if (!validateQuery(query, error)) return false;
    if (query.level == Level::Study || !query.studyUid.isEmpty()) {
        if (!findLevel(query, out, error, cancel)) return false;
    } else {
        // Series of the matching studies, one study after the other.
        Query studies = query;
        studies.level = Level::Study;
        studies.modality.clear();  // the modality filters the series
        FindResult found;
        if (!findLevel(studies, &found, error, cancel)) return false;
        out->truncated = found.truncated;
        for (const Match& study : found.matches) {
            if (cancel && *cancel) {
                if (error) *error = cancelledMessage();
                return false;
            }
            Query series = query;
            series.studyUid = study.studyUid;
            series.limit = query.limit - int(out->matches.size());
            if (series.limit <= 0) {
                out->truncated = true;
                break;
            }
            FindResult part;
            if (!findLevel(series, &part, error, cancel)) return false;
            for (Match m : part.matches) {
                m.studyUid = study.studyUid;
                out->matches << m;
            }
            out->truncated = out->truncated || part.truncated;
        }
        // Patient and study values from the study matches.
        for (Match& m : out->matches)
            for (const Match& study : found.matches)
                if (study.studyUid == m.studyUid) {
                    if (m.patientName.isEmpty()) m.patientName = study.patientName;
                    if (m.patientId.isEmpty()) m.patientId = study.patientId;
                    if (m.studyDate.isEmpty()) m.studyDate = study.studyDate;
                    if (m.studyTime.isEmpty()) m.studyTime = study.studyTime;
                    if (m.accession.isEmpty()) m.accession = study.accession;
                }
        return true;
    }
    if (query.level != Level::Study && !out->matches.isEmpty()) {
        // Patient and study values of the one study, when the server left them out.
        bool need = false;
        for (const Match& m : out->matches) need = need || m.patientId.isEmpty() || m.studyDate.isEmpty();
        if (need) {
            Query study;
            study.studyUid = query.studyUid;
            study.limit = 1;
            FindResult s;
            if (findLevel(study, &s, nullptr, cancel) && !s.matches.isEmpty())
                for (Match& m : out->matches) {
                    if (m.patientName.isEmpty()) m.patientName = s.matches[0].patientName;
                    if (m.patientId.isEmpty()) m.patientId = s.matches[0].patientId;
                    if (m.studyDate.isEmpty()) m.studyDate = s.matches[0].studyDate;
                    if (m.accession.isEmpty()) m.accession = s.matches[0].accession;
                }
        }
    }
    return true;
}

QString describeMissing(const QStringList& missing, int total) {
    QStringList shown = missing.mid(0, 5);
    QString list = shown.join(QStringLiteral(", "));
    if (missing.size() > shown.size()) list += QCoreApplication::translate("cxr::pacs", " and %n more", nullptr, int(missing.size() - shown.size()));
    return PacsText::tr("%1 of %2 instances are missing: %3").arg(missing.size()).arg(total).arg(list);
}

bool Client::retrieve(const QString& studyUid, const QString& seriesUid, const QString& folder, RetrieveResult* out,
                      QString* error, const ProgressFn& progress, const std::atomic_bool* cancel) {
    *out = RetrieveResult();
    auto bad = [&](const QString& why) {
        if (error) *error = why;
        return false;
    };
    if (!isValidUid(studyUid)) return bad(PacsText::tr("%1 is not a valid Study Instance UID").arg(studyUid));
    if (!seriesUid.isEmpty() && !isValidUid(seriesUid)) return bad(PacsText::tr("%1 is not a valid Series Instance UID").arg(seriesUid));
    if (!QDir().mkpath(folder) || !QFileInfo(folder).isWritable())
        return bad(PacsText::tr("Cannot write into the folder %1 (missing, not a folder or not writable).").arg(QDir::toNativeSeparators(folder)));

    Query q;
    q.level = Level::Instance;
    q.studyUid = studyUid;
    q.seriesUid = seriesUid;
    q.limit = 100000;
    FindResult listed;
    QString e;
    if (!find(q, &listed, &e, cancel)) return bad(e);
    if (listed.matches.isEmpty()) {
        if (seriesUid.isEmpty()) return bad(PacsText::tr("%1 has no study %2.").arg(server_.label(), studyUid));
        return bad(PacsText::tr("%1 has no series %2 in study %3.").arg(server_.label(), seriesUid, studyUid));
    }
    if (listed.truncated) return bad(PacsText::tr("%1 lists more than %2 instances in this study; retrieve it series by series.")
                                         .arg(server_.label()).arg(q.limit));
    const QDir dir(folder);
    QSet<QString> have;
    QVector<Match> wanted;
    for (const Match& m : listed.matches) {
        if (m.sopInstanceUid.isEmpty() || !isValidUid(m.sopInstanceUid)) continue;
        const QString file = dir.absoluteFilePath(instanceFileName(m.sopInstanceUid));
        if (QFileInfo(file).isFile() && QFileInfo(file).size() > 0) {
            have.insert(m.sopInstanceUid);
            out->files << file;
        } else {
            wanted << m;
        }
    }
    const int total = int(listed.matches.size());
    bool ok = true;
    if (!wanted.isEmpty()) {
        Progress p;
        p.total = total;
        p.done = int(have.size());
        if (progress) progress(p);
        ok = transfer(studyUid, seriesUid, wanted, wanted.size() == listed.matches.size(), dir.absolutePath(),
                      [&](const QString& uid, const QString& path) {
                          if (have.contains(uid)) return;
                          have.insert(uid);
                          out->files << path;
                      },
                      &e, [&](const Progress& t) {
                          Progress shown = t;
                          shown.total = total;
                          shown.done = int(have.size());
                          if (progress) progress(shown);
                      },
                      cancel);
    }
    for (const Match& m : listed.matches)
        if (!have.contains(m.sopInstanceUid)) out->missing << m.sopInstanceUid;
    if (!ok) {
        if (e == cancelledMessage()) return bad(e);
        if (out->missing.isEmpty()) return bad(e);
        QString first = e;
        while (first.endsWith(QLatin1Char('.'))) first.chop(1);
        return bad(first + QStringLiteral("; ") + describeMissing(out->missing, total) + QLatin1Char('.'));
    }
    if (!out->missing.isEmpty())
        return bad(PacsText::tr("The retrieve from %1 is incomplete: %2.").arg(server_.label(), describeMissing(out->missing, total)));
    return true;
}

}  // namespace cxr::pacs
