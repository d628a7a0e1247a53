// Shared helpers of the cxr-ground subcommands.
#pragma once

#include <QCoreApplication>
#include <QString>

#include <cstdio>

namespace cxr::cli {

class Cli {
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

inline int fail(const QString& message, int code = 1) {
    std::fprintf(stderr, "cxr-ground: %s\n", message.toUtf8().constData());
    return code;
}

int runBench(const QStringList& args);
int cmdGround(QStringList args);
int cmdPrepare(QStringList args);
int cmdTokenize(QStringList args);
int cmdInspectModel(QStringList args);
int cmdMetrics(QStringList args);
int cmdEvaluate(QStringList args);
int cmdMerge(QStringList args);
int cmdExport(QStringList args);
int cmdPacs(QStringList args);

}  // namespace cxr::cli
