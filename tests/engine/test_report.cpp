// Report sentence splitting and negation: a table of real-looking report texts.
#include "text/report.h"

#include <QtTest>

using cxr::text::negationCue;
using cxr::text::ReportSentence;
using cxr::text::splitReport;

namespace {
QStringList texts(const std::vector<ReportSentence>& v) {
    QStringList out;
    for (const auto& s : v) out << QString::fromStdString(s.text);
    return out;
}
}  // namespace

class TestReport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void splits_data() {
        QTest::addColumn<QString>("report");
        QTest::addColumn<QStringList>("sentences");
        QTest::newRow("simple") << "Small left pleural effusion. No pneumothorax."
                                << QStringList{"Small left pleural effusion.", "No pneumothorax."};
        QTest::newRow("decimal and units") << "There is a 3.5 cm nodule in the right upper lobe. Heart size is normal."
                                           << QStringList{"There is a 3.5 cm nodule in the right upper lobe.", "Heart size is normal."};
        QTest::newRow("abbreviations")
            << "Opacity measures approx. 2 cm, e.g. as before. Findings discussed with Dr. Smith at 3 p.m. today. Lungs are clear."
            << QStringList{"Opacity measures approx. 2 cm, e.g. as before.", "Findings discussed with Dr. Smith at 3 p.m. today.",
                           "Lungs are clear."};
        QTest::newRow("vs. and i.e.") << "Atelectasis vs. consolidation at the left base, i.e. in the lingula. No effusion."
                                      << QStringList{"Atelectasis vs. consolidation at the left base, i.e. in the lingula.", "No effusion."};
        QTest::newRow("wrapped lines (MIMIC style)")
            << "FINDINGS:\n There is a small left pleural effusion with adjacent\n atelectasis. The cardiomediastinal silhouette is\n within normal limits.\n"
            << QStringList{"There is a small left pleural effusion with adjacent atelectasis.",
                           "The cardiomediastinal silhouette is within normal limits."};
        QTest::newRow("sections") << "FINDINGS: Mild pulmonary edema.\n\nIMPRESSION: Mild edema. No focal consolidation."
                                  << QStringList{"Mild pulmonary edema.", "Mild edema.", "No focal consolidation."};
        QTest::newRow("numbered list") << "IMPRESSION:\n1. Small right pneumothorax.\n2. No pleural effusion.\n3. Stable cardiomegaly"
                                       << QStringList{"Small right pneumothorax.", "No pleural effusion.", "Stable cardiomegaly"};
        QTest::newRow("numbered list inline") << "IMPRESSION: 1. Right lower lobe pneumonia. 2. Small effusion."
                                              << QStringList{"Right lower lobe pneumonia.", "Small effusion."};
        QTest::newRow("parenthesis numbers") << "1) Left basilar opacity\n2) Bibasilar atelectasis"
                                             << QStringList{"Left basilar opacity", "Bibasilar atelectasis"};
        QTest::newRow("bullets") << "- Enlarged cardiac silhouette\n* Mild edema\n\xE2\x80\xA2 No pneumothorax"
                                 << QStringList{"Enlarged cardiac silhouette", "Mild edema", "No pneumothorax"};
        QTest::newRow("line break without period") << "Small left effusion\n\nNo pneumothorax"
                                                   << QStringList{"Small left effusion", "No pneumothorax"};
        QTest::newRow("question and exclamation") << "Pneumonia? Correlate clinically! Lungs otherwise clear."
                                                  << QStringList{"Pneumonia?", "Correlate clinically!", "Lungs otherwise clear."};
        QTest::newRow("CRLF") << "Mild cardiomegaly.\r\nNo effusion.\r\n" << QStringList{"Mild cardiomegaly.", "No effusion."};
        QTest::newRow("empty") << "   \n\n  " << QStringList{};
        QTest::newRow("list numbers only") << "1.\n2.\n" << QStringList{};
        QTest::newRow("No. as a number") << "Tube tip at the level of rib No. 3 posteriorly. No pneumothorax."
                                         << QStringList{"Tube tip at the level of rib No. 3 posteriorly.", "No pneumothorax."};
        QTest::newRow("trailing quotes") << "Reported as \"small effusion.\" Heart normal."
                                         << QStringList{"Reported as \"small effusion.\"", "Heart normal."};
    }
    void splits() {
        QFETCH(QString, report);
        QFETCH(QStringList, sentences);
        QCOMPARE(texts(splitReport(report.toStdString())), sentences);
    }

    void sectionsAndOffsets() {
        const std::string r = "FINDINGS:\nMild edema.\nIMPRESSION:\n1. Small effusion.";
        const auto v = splitReport(r);
        QCOMPARE(int(v.size()), 2);
        QCOMPARE(QString::fromStdString(v[0].section), QString("FINDINGS"));
        QCOMPARE(QString::fromStdString(v[1].section), QString("IMPRESSION"));
        // The byte range points at the sentence in the input (the list marker excluded).
        QCOMPARE(QString::fromStdString(r.substr(v[1].begin, v[1].end - v[1].begin)), QString("Small effusion."));
    }

    void negation_data() {
        QTest::addColumn<QString>("sentence");
        QTest::addColumn<QString>("cue");
        QTest::newRow("no") << "No pneumothorax." << "no";
        QTest::newRow("there is no") << "There is no pleural effusion." << "no";
        QTest::newRow("no evidence of") << "No evidence of focal consolidation." << "no evidence of";
        QTest::newRow("without") << "Heart size normal without effusion." << "without";
        QTest::newRow("negative for") << "Negative for pneumothorax." << "negative for";
        QTest::newRow("free of") << "The costophrenic angles are free of fluid." << "free of";
        QTest::newRow("resolved") << "The left effusion has resolved." << "resolved";
        QTest::newRow("no longer") << "Consolidation is no longer seen." << "no";
        QTest::newRow("no new") << "No new consolidation." << "no";
        QTest::newRow("not") << "Pneumothorax is not seen." << "not";
        QTest::newRow("affirmative") << "Small left pleural effusion." << "";
        QTest::newRow("no change (pseudo)") << "No change in the small left pleural effusion." << "";
        QTest::newRow("no significant change (pseudo)") << "No significant interval change in cardiomegaly." << "";
        QTest::newRow("not only (pseudo)") << "Not only edema but also effusion." << "";
        QTest::newRow("cannot be excluded (uncertain)") << "Early pneumonia cannot be excluded." << "";
        QTest::newRow("not excluded (uncertain)") << "A small effusion is not excluded." << "";
        QTest::newRow("nobody is not no") << "Normal nodular pattern." << "";
        // German reports (the viewer warns that the model reads English only).
        QTest::newRow("de kein") << "Kein Pneumothorax." << "kein";
        QTest::newRow("de keine") << "Keine Infiltrate." << "keine";
        QTest::newRow("de ohne") << "Herz normal groß, ohne Stauungszeichen." << "ohne";
        QTest::newRow("de nicht") << "Ein Erguss ist nicht nachweisbar." << "nicht";
        QTest::newRow("de kein Hinweis auf") << "Kein Hinweis auf Pleuraerguss." << "kein hinweis auf";
        QTest::newRow("de frei") << "Die Randwinkel sind frei." << "frei";
        QTest::newRow("de ausgeschlossen") << "Pneumothorax ausgeschlossen." << "ausgeschlossen";
        QTest::newRow("de affirmative") << "Kleiner Pleuraerguss links." << "";
        QTest::newRow("de keine Änderung (pseudo)") << "Keine Änderung des Ergusses links." << "";
        QTest::newRow("de keine wesentliche Änderung (pseudo)") << "Keine wesentliche Befundänderung." << "";
        QTest::newRow("de nicht ausgeschlossen (uncertain)") << "Eine Pneumonie ist nicht ausgeschlossen." << "";
        QTest::newRow("de nicht sicher auszuschließen (uncertain)") << "Ein kleiner Erguss ist nicht sicher auszuschließen." << "";
    }
    void negation() {
        QFETCH(QString, sentence);
        QFETCH(QString, cue);
        QCOMPARE(QString::fromStdString(negationCue(sentence.toStdString())), cue);
        const auto v = splitReport(sentence.toStdString());
        QCOMPARE(int(v.size()), 1);
        QCOMPARE(v[0].negated, !cue.isEmpty());
    }

    void germanIsRecognised() {
        QVERIFY(cxr::text::looksGerman("Kleiner Pleuraerguss links."));
        QVERIFY(cxr::text::looksGerman("Kein Pneumothorax."));
        QVERIFY(cxr::text::looksGerman("Herzgröße regelrecht."));
        QVERIFY(!cxr::text::looksGerman("Small left pleural effusion."));
        QVERIFY(!cxr::text::looksGerman("No pneumothorax."));
        QVERIFY(!cxr::text::looksGerman("Cardiomegaly."));
    }

    // Sentences the cardiothoracic ratio bears on (the viewer shows the measured ratio beside them).
    void heartSizeSentences() {
        for (const char* s : {"Cardiomegaly.", "Mild cardiomegaly is unchanged.", "Enlarged cardiac silhouette.",
                              "Heart size is normal.", "The heart is enlarged.", "Cardiothoracic ratio 0.6.",
                              "Normal cardiomediastinal contour.", "Kardiomegalie.", "Herzgr\xc3\xb6\xc3\x9f" "e regelrecht.",
                              "Herz nicht vergr\xc3\xb6\xc3\x9f" "ert."})
            QVERIFY2(cxr::text::mentionsHeartSize(s), s);
        for (const char* s : {"Small left pleural effusion.", "No pneumothorax.", "Left heart border is obscured.",
                              "Large right effusion.", "Kein Pleuraerguss."})
            QVERIFY2(!cxr::text::mentionsHeartSize(s), s);
    }

    void hugePasteIsLinear() {
        // A 100k-word paste splits without quadratic blow-up (no timing asserted; it must finish).
        std::string big;
        for (int i = 0; i < 20000; ++i) big += "Small left effusion. No pneumothorax approx. 3.5 cm.\n";
        const auto v = splitReport(big);
        QCOMPARE(int(v.size()), 40000);
    }
};

QTEST_APPLESS_MAIN(TestReport)
#include "test_report.moc"
