// cxr-ground pacs echo|find|get|send: the PACS client of the viewer on the command line.
#include "cli_common.h"
#include "cli_engine_common.h"

#include "pacs/pacs.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>

#include <cstdio>

namespace cxr::cli {

namespace {

// --server, --aet, --user, --timeout, --move-port; the password only from the environment.
bool parseConnection(QStringList& args, pacs::Server* server, QString* password, QString* error) {
    if (args.contains(QStringLiteral("--password")) || args.contains(QStringLiteral("--pass"))) {
        *error = Cli::tr("passwords are never taken from the command line: set CXRG_PACS_PASSWORD");
        return false;
    }
    bool present = false;
    const QString spec = takeOption(args, QStringLiteral("--server"), &present);
    if (!present || spec.isEmpty()) {
        *error = Cli::tr("give --server dicomweb:http(s)://host:port/dicom-web or --server dimse:AETITLE@host:port");
        return false;
    }
    if (!pacs::parseServer(spec, server, error)) return false;
    const QString aet = takeOption(args, QStringLiteral("--aet"), &present);
    if (present) {
        if (!pacs::isValidAeTitle(aet)) {
            *error = Cli::tr("--aet needs an AE title of 1 to 16 characters (letters, digits, no backslash)");
            return false;
        }
        server->callingAet = aet;
    }
    server->user = takeOption(args, QStringLiteral("--user"));
    *password = qEnvironmentVariable("CXRG_PACS_PASSWORD");
    if (!server->user.isEmpty() && password->isEmpty()) {
        *error = Cli::tr("--user %1 needs the password in the environment variable CXRG_PACS_PASSWORD").arg(server->user);
        return false;
    }
    if (!server->user.isEmpty() && server->kind == pacs::Kind::Dimse) {
        *error = Cli::tr("--user applies to DICOMweb servers; DIMSE servers know us by our AE title (--aet)");
        return false;
    }
    const QString timeout = takeOption(args, QStringLiteral("--timeout"), &present);
    if (present) {
        bool ok = false;
        server->timeoutSeconds = timeout.toInt(&ok);
        if (!ok || server->timeoutSeconds < 1 || server->timeoutSeconds > 3600) {
            *error = Cli::tr("--timeout needs seconds from 1 to 3600");
            return false;
        }
    }
    const QString movePort = takeOption(args, QStringLiteral("--move-port"), &present);
    if (present) {
        bool ok = false;
        const int port = movePort.toInt(&ok);
        if (!ok || port < 1 || port > 65535) {
            *error = Cli::tr("--move-port needs a port number from 1 to 65535");
            return false;
        }
        if (server->kind != pacs::Kind::Dimse) {
            *error = Cli::tr("--move-port applies to DIMSE servers (C-MOVE to our own port)");
            return false;
        }
        server->retrieve = pacs::RetrieveMode::Move;
        server->movePort = quint16(port);
    }
    return true;
}

QString megabytes(qint64 bytes) { return QString::number(bytes / 1048576.0, 'f', 1); }

int echo(QStringList args) {
    pacs::Server server;
    QString password, error;
    if (!parseConnection(args, &server, &password, &error)) return fail(error, 2);
    if (!args.isEmpty()) return fail(Cli::tr("unknown argument %1").arg(args.first()), 2);
    auto client = pacs::Client::create(server, password);
    QElapsedTimer t;
    t.start();
    if (!client->echo(&error)) return fail(error);
    std::printf("%s\n", Cli::tr("%1 answered in %2 ms").arg(server.label()).arg(t.elapsed()).toUtf8().constData());
    return 0;
}

int find(QStringList args) {
    pacs::Server server;
    QString password, error;
    if (!parseConnection(args, &server, &password, &error)) return fail(error, 2);
    pacs::Query q;
    q.patientId = takeOption(args, QStringLiteral("--patient-id"));
    q.patientName = takeOption(args, QStringLiteral("--patient-name"));
    q.modality = takeOption(args, QStringLiteral("--modality"));
    q.accession = takeOption(args, QStringLiteral("--accession"));
    q.studyUid = takeOption(args, QStringLiteral("--study"));
    bool present = false;
    const QString date = takeOption(args, QStringLiteral("--date"), &present);
    if (present) {
        static const QRegularExpression re(QStringLiteral("^(\\d{8})?(-)?(\\d{8})?$"));
        const QRegularExpressionMatch m = re.match(date);
        if (!m.hasMatch() || date.isEmpty() || date == QLatin1String("-"))
            return fail(Cli::tr("--date needs YYYYMMDD, YYYYMMDD-YYYYMMDD, YYYYMMDD- or -YYYYMMDD"), 2);
        q.dateFrom = m.captured(1);
        q.dateTo = m.captured(2).isEmpty() ? q.dateFrom : m.captured(3);
    }
    const QString level = takeOption(args, QStringLiteral("--level"), &present).toLower();
    if (present && level != QLatin1String("study") && level != QLatin1String("series"))
        return fail(Cli::tr("--level must be study or series"), 2);
    q.level = level == QLatin1String("series") ? pacs::Level::Series : pacs::Level::Study;
    const QString limit = takeOption(args, QStringLiteral("--limit"), &present);
    if (present) {
        bool ok = false;
        q.limit = limit.toInt(&ok);
        if (!ok || q.limit < 1 || q.limit > 100000) return fail(Cli::tr("--limit needs a number from 1 to 100000"), 2);
    }
    if (!args.isEmpty()) return fail(Cli::tr("unknown argument %1").arg(args.first()), 2);
    if (!pacs::validateQuery(q, &error)) return fail(error, 2);
    auto client = pacs::Client::create(server, password);
    pacs::FindResult result;
    if (!client->find(q, &result, &error)) return fail(error);
    for (const pacs::Match& m : result.matches)
        std::printf("%s\n", QJsonDocument(m.toJson()).toJson(QJsonDocument::Compact).constData());
    if (result.truncated)
        std::fprintf(stderr, "cxr-ground: %s\n",
                     Cli::tr("more than %1 matches: only the first %1 are listed (narrow the search or raise --limit)")
                         .arg(q.limit).toUtf8().constData());
    return 0;
}

int get(QStringList args) {
    pacs::Server server;
    QString password, error;
    if (!parseConnection(args, &server, &password, &error)) return fail(error, 2);
    const QString study = takeOption(args, QStringLiteral("--study"));
    const QString series = takeOption(args, QStringLiteral("--series"));
    const QString out = takeOption(args, QStringLiteral("--out"));
    if (!args.isEmpty()) return fail(Cli::tr("unknown argument %1").arg(args.first()), 2);
    if (study.isEmpty() || out.isEmpty()) return fail(Cli::tr("get needs --study UID [--series UID] --out DIR"), 2);
    auto client = pacs::Client::create(server, password);
    pacs::RetrieveResult result;
    int shown = -1;
    const bool ok = client->retrieve(study, series, out, &result, &error, [&](const pacs::Progress& p) {
        if (p.done == shown || p.total == 0) return;
        shown = p.done;
        std::fprintf(stderr, "cxr-ground: %d/%d instances (%s MB)\n", p.done, p.total, megabytes(p.bytes).toUtf8().constData());
    });
    if (!ok) {
        for (const QString& uid : result.missing)
            std::fprintf(stderr, "cxr-ground: %s\n", Cli::tr("missing %1").arg(uid).toUtf8().constData());
        return fail(error);
    }
    std::fprintf(stderr, "cxr-ground: %s\n",
                 Cli::tr("%n instance(s) in %1", nullptr, int(result.files.size()))
                     .arg(QDir::toNativeSeparators(QFileInfo(out).absoluteFilePath()))
                     .toUtf8()
                     .constData());
    return 0;
}

int send(QStringList args) {
    pacs::Server server;
    QString password, error;
    if (!parseConnection(args, &server, &password, &error)) return fail(error, 2);
    for (const QString& a : args)
        if (a.startsWith(QLatin1String("--"))) return fail(Cli::tr("unknown option %1").arg(a), 2);
    if (args.isEmpty()) return fail(Cli::tr("send needs one or more DICOM files"), 2);
    for (const QString& f : args)
        if (!QFileInfo(f).isFile()) return fail(Cli::tr("%1: the file does not exist").arg(f), 2);
    auto client = pacs::Client::create(server, password);
    QVector<pacs::StoreResult> results;
    if (!client->store(args, &results, &error)) return fail(error);
    int failed = 0;
    for (int i = 0; i < results.size(); ++i) {
        const pacs::StoreResult& r = results[i];
        failed += r.ok ? 0 : 1;
        std::printf("%s: %s%s\n", args[i].toUtf8().constData(), r.status.toUtf8().constData(),
                    r.sopInstanceUid.isEmpty() ? "" : QStringLiteral(" (%1)").arg(r.sopInstanceUid).toUtf8().constData());
    }
    if (failed) return fail(Cli::tr("%1 of %2 files were not stored").arg(failed).arg(results.size()));
    return 0;
}

}  // namespace

int cmdPacs(QStringList args) {
    const QString sub = args.isEmpty() ? QString() : args.takeFirst();
    if (sub == QLatin1String("echo")) return echo(args);
    if (sub == QLatin1String("find")) return find(args);
    if (sub == QLatin1String("get")) return get(args);
    if (sub == QLatin1String("send")) return send(args);
    return fail(Cli::tr("pacs needs echo, find, get or send (see cxr-ground help)"), 2);
}

}  // namespace cxr::cli
