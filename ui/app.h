// Application set-up shared by cxr-viewer and the UI tests: organisation name, settings,
// theme, translation, scripted options.
#pragma once

#include <QString>
#include <QStringList>

class QApplication;
class QTranslator;

namespace cxr::ui {

// Language: "" = system locale, "en", "de". Installs the translators; returns the language used.
QString installTranslation(QApplication& app, const QString& language);
void initApplication(QApplication& app);  // names, version, icon

struct ViewerOptions {
    QStringList files;
    QString screenshot;
    QString theme;      // "" = from settings
    QString language;   // "" = from settings
    QString size;       // "WxH"
    bool samples = false;
    QString model;        // model folder for grounding
    QStringList prompts;  // grounded once the first image is shown
    int steps = 0;        // inversion steps for those prompts (0: the method settings of the panel)
    QString groundTruthCsv;  // MS-CXR CSV whose boxes are matched to the images shown
    bool benchStall = false;  // measure the longest event-loop stall while the image is prepared and the prompts are grounded
    QString preset;           // "" | "paper" | "fast": the method for this session
    int timeoutSeconds = 0;   // --screenshot: give up after this long (0: wait as long as it takes)
};

// Parses the command line (translated --help). Exits on --help / --version.
ViewerOptions parseViewerOptions(QApplication& app);

// Runs the viewer; returns the exit code. With a screenshot path, waits for the first image,
// grabs the main window, writes the PNG and quits (1 when loading or writing failed).
int runViewer(QApplication& app, const ViewerOptions& options);

}  // namespace cxr::ui
