// Runs a command-line program as a user runs it (tests of cxr-ground's commands).
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>

namespace cxr::testing {

struct Run {
    int code = -1;  // exit code; -1 when it crashed or timed out
    QByteArray out, err;
};

// `env`: extra "NAME=value" entries on top of this process's environment. Each run gets an empty
// XDG_CACHE_HOME of its own (unless `env` gives one): no run sees another's cached trajectories
// unless a test shares them on purpose (--cache-dir).
inline Run runProgram(const QString& exe, const QStringList& args, int timeoutMs = 900000, const QStringList& env = {}) {
    QProcess p;
    QTemporaryDir cacheHome;
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    e.insert(QStringLiteral("XDG_CACHE_HOME"), cacheHome.path());
    for (const QString& kv : env) e.insert(kv.section(QLatin1Char('='), 0, 0), kv.section(QLatin1Char('='), 1));
    p.setProcessEnvironment(e);
    p.start(exe, args);
    Run r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.err = "timeout";
        return r;
    }
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

}  // namespace cxr::testing
