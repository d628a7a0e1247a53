// MS-CXR CSV reader: the synthetic mock file (tests/data/mscxr), v1.1.0 split column and filter,
// centre-crop box dropping, RFC 4180 details (BOM, CRLF, quoted commas/quotes/line breaks) and one
// error per kind of malformed input, each checked for file, line, column and value in the message.
#include "eval/mscxr.h"

#include <QtTest>

#include <algorithm>
#include <sstream>

using namespace cxr::eval;

namespace {

const std::string kHeader = "dicom_id,category_name,label_text,path,x,y,w,h,image_width,image_height\n";

MsCxrReadResult parse(const std::string& csv, const MsCxrOptions& options = {}) {
    std::istringstream in(csv);
    return parseMsCxrCsv(in, "inline.csv", options);
}

// One v1.0.0 row; the box and image size as text so malformed values can be written.
std::string row(const std::string& id, const std::string& category, const std::string& label, const std::string& x,
                const std::string& y, const std::string& w, const std::string& h, const std::string& width,
                const std::string& height) {
    return id + "," + category + "," + label + ",files/p10/p10000001/s5/" + id + ".jpg," + x + "," + y + "," + w +
           "," + h + "," + width + "," + height + "\n";
}

bool sameBox(const Box& a, const Box& b) { return a.x == b.x && a.y == b.y && a.w == b.w && a.h == b.h; }

}  // namespace

class TestMsCxr : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void categories() {
        const auto& c = msCxrCategories();
        QCOMPARE(int(c.size()), 8);
        QVERIFY(std::is_sorted(c.begin(), c.end()));
        QCOMPARE(c.front(), std::string("Atelectasis"));
        QCOMPARE(c[4], std::string("Lung Opacity"));
        QCOMPARE(c.back(), std::string("Pneumothorax"));
    }

    void mockFile() {
        const MsCxrReadResult r = readMsCxrCsv(CXRG_TEST_DATA "/mscxr/mock_MS_CXR_Local_Alignment_v1.0.0.csv");
        QCOMPARE(r.rows, 9);
        QCOMPARE(int(r.samples.size()), 8);
        QVERIFY(r.skipped.empty());
        QCOMPARE(r.droppedBoxes, 0);

        const MsCxrSample& first = r.samples[0];
        QCOMPARE(first.dicomId, std::string("mock0001-0000aaaa-11111111-22222222-33333333"));
        QCOMPARE(first.category, std::string("Cardiomegaly"));
        QCOMPARE(first.labelText, std::string("Moderate cardiomegaly."));
        QCOMPARE(first.path,
                 std::string("files/p10/p10000001/s50000001/mock0001-0000aaaa-11111111-22222222-33333333.jpg"));
        QCOMPARE(first.split, std::string());
        QCOMPARE(first.imageWidth, 2544);
        QCOMPARE(first.imageHeight, 3056);
        QCOMPARE(first.firstLine, 2);
        QCOMPARE(int(first.boxes.size()), 1);
        QVERIFY(sameBox(first.boxes[0], Box{812, 1301, 1234, 905}));

        QCOMPARE(r.samples[2].labelText, std::string("Small right apical pneumothorax, unchanged"));
        QCOMPARE(r.samples[2].category, std::string("Pneumothorax"));

        const MsCxrSample& merged = r.samples[3];
        QCOMPARE(merged.labelText, std::string("Bibasilar consolidation"));
        QCOMPARE(merged.firstLine, 5);
        QCOMPARE(int(merged.boxes.size()), 2);
        QVERIFY(sameBox(merged.boxes[0], Box{402, 1890, 700, 620}));
        QVERIFY(sameBox(merged.boxes[1], Box{1480, 1910, 690, 600}));

        QCOMPARE(r.samples[4].labelText, std::string("Linear \"plate-like\" atelectasis at the left base"));
        QCOMPARE(r.samples[4].firstLine, 7);
        QCOMPARE(r.samples[7].category, std::string("Pneumonia"));
        for (const auto& s : r.samples) QCOMPARE(s.droppedBoxes, 0);
    }

    void missingFile() {
        try {
            readMsCxrCsv("/nonexistent/ms-cxr.csv");
            QFAIL("no exception");
        } catch (const MsCxrError& e) {
            QCOMPARE(e.line, 0);
            QVERIFY(std::string(e.what()).find("/nonexistent/ms-cxr.csv") != std::string::npos);
        }
    }

    void splitColumn() {
        // v1.1.0 layout, columns in another order and an extra column that is ignored.
        const std::string csv =
            "split,note,image_height,image_width,h,w,y,x,path,label_text,category_name,dicom_id\n"
            "train,a,3056,2544,100,100,1000,1000,files/p1/a.jpg,Cardiomegaly.,Cardiomegaly,a\n"
            "test,b,3056,2544,100,100,1000,1000,files/p1/b.jpg,Small effusion,Pleural Effusion,b\n"
            "test,c,3056,2544,50,60,1500,1200,files/p1/b.jpg,Small effusion,Pleural Effusion,b\n"
            "val,d,2048,2048,10,10,10,10,files/p1/c.jpg,Edema,Edema,c\n";
        const MsCxrReadResult all = parse(csv);
        QCOMPARE(all.rows, 4);
        QCOMPARE(int(all.samples.size()), 3);
        QCOMPARE(all.samples[0].split, std::string("train"));
        QCOMPARE(all.samples[1].split, std::string("test"));
        QCOMPARE(int(all.samples[1].boxes.size()), 2);
        QVERIFY(sameBox(all.samples[1].boxes[1], Box{1200, 1500, 60, 50}));
        QCOMPARE(all.samples[2].split, std::string("val"));

        MsCxrOptions test;
        test.split = "test";
        const MsCxrReadResult t = parse(csv, test);
        QCOMPARE(t.rows, 4);
        QCOMPARE(int(t.samples.size()), 1);
        QCOMPARE(t.samples[0].dicomId, std::string("b"));
        QCOMPARE(t.samples[0].firstLine, 3);
        QCOMPARE(int(t.samples[0].boxes.size()), 2);

        MsCxrOptions val;
        val.split = "val";
        QCOMPARE(parse(csv, val).samples.at(0).dicomId, std::string("c"));
        MsCxrOptions none;
        none.split = "nosuchsplit";
        QVERIFY(parse(csv, none).samples.empty());

        // A split filter on a v1.0.0 file (no split column) is an error.
        try {
            parse(kHeader + row("a", "Edema", "Edema", "1", "1", "5", "5", "10", "10"), test);
            QFAIL("no exception");
        } catch (const MsCxrError& e) {
            QCOMPARE(e.column, std::string("split"));
            QCOMPARE(e.line, 1);
            const std::string m = e.what();
            QVERIFY2(m.find("no split column") != std::string::npos, e.what());
            QVERIFY2(m.find("inline.csv:1:") != std::string::npos, e.what());
        }
    }

    void centreCropDropping() {
        // 2544 x 3056 portrait: crop side 2544, rows [256, 2800), all columns.
        // 3056 x 2544 landscape: columns [256, 2800). 2539 x 3050: rows [255, 2794).
        const std::string csv =
            kHeader +
            row("p", "Edema", "top band", "100", "0", "500", "256", "2544", "3056") +          // line 2: dropped
            row("p", "Edema", "top band", "100", "0", "500", "257", "2544", "3056") +          // line 3: row 256 kept
            row("p", "Edema", "top band", "100", "2800", "500", "100", "2544", "3056") +       // line 4: dropped
            row("p", "Edema", "top band", "100", "2799", "500", "100", "2544", "3056") +       // line 5: kept
            row("q", "Pneumothorax", "outside only", "0", "0", "2544", "256", "2544", "3056") +  // line 6
            row("q", "Pneumothorax", "outside only", "0", "2800", "100", "256", "2544", "3056") +  // line 7
            row("l", "Atelectasis", "landscape", "0", "0", "256", "100", "3056", "2544") +     // line 8: dropped
            row("l", "Atelectasis", "landscape", "2799", "0", "10", "100", "3056", "2544") +   // line 9: kept
            row("o", "Pneumonia", "odd", "0", "0", "10", "255", "2539", "3050") +              // line 10: dropped
            row("o", "Pneumonia", "odd", "0", "2794", "10", "10", "2539", "3050") +            // line 11: dropped
            row("o", "Pneumonia", "odd", "0", "0", "10", "256", "2539", "3050");               // line 12: kept
        const MsCxrReadResult r = parse(csv);
        QCOMPARE(r.rows, 11);
        QCOMPARE(int(r.samples.size()), 3);
        QCOMPARE(int(r.skipped.size()), 1);
        QCOMPARE(r.droppedBoxes, 2 + 2 + 1 + 2);

        const MsCxrSample& top = r.samples[0];
        QCOMPARE(top.labelText, std::string("top band"));
        QCOMPARE(top.droppedBoxes, 2);
        QCOMPARE(int(top.boxes.size()), 2);
        QVERIFY(sameBox(top.boxes[0], Box{100, 0, 500, 257}));
        QVERIFY(sameBox(top.boxes[1], Box{100, 2799, 500, 100}));

        QCOMPARE(r.samples[1].labelText, std::string("landscape"));
        QCOMPARE(r.samples[1].droppedBoxes, 1);
        QCOMPARE(int(r.samples[1].boxes.size()), 1);
        QCOMPARE(r.samples[2].labelText, std::string("odd"));
        QCOMPARE(r.samples[2].droppedBoxes, 2);
        QCOMPARE(int(r.samples[2].boxes.size()), 1);

        const std::string skip = r.skipped[0];
        QVERIFY2(skip.find("inline.csv:6:") != std::string::npos, skip.c_str());
        QVERIFY2(skip.find("outside only") != std::string::npos, skip.c_str());
        QVERIFY2(skip.find("[256, 2800)") != std::string::npos, skip.c_str());

        QVERIFY(!boxIntersectsCentreCrop(Box{0, 0, 2544, 256}, 2544, 3056));
        QVERIFY(boxIntersectsCentreCrop(Box{0, 0, 2544, 257}, 2544, 3056));
        QVERIFY(boxIntersectsCentreCrop(Box{5, 5, 1, 1}, 100, 100));

        // Without dropping, every box is kept and nothing is skipped.
        MsCxrOptions keep;
        keep.dropBoxesOutsideCrop = false;
        const MsCxrReadResult k = parse(csv, keep);
        QCOMPARE(int(k.samples.size()), 4);
        QVERIFY(k.skipped.empty());
        QCOMPARE(k.droppedBoxes, 0);
        QCOMPARE(int(k.samples[0].boxes.size()), 4);
        QCOMPARE(int(k.samples[1].boxes.size()), 2);
    }

    void clippingAndIntegralFloats() {
        const std::string csv = kHeader + row("c", "Edema", "clipped", "-10", "1000", "100", "5000", "2544", "3056") +
                                row("c", "Edema", "clipped", "2500.0", "1200.000", "100", "50", "2544.0", "3056") +
                                row("c", "Edema", "clipped", " 7 ", "1e3", "10", "10", "2544", "3056") +
                                row("c", "Edema", "clipped", "+8.12e2", "0.1e4", "1.50E1", "0020", "2544", "3056");
        const MsCxrReadResult r = parse(csv);
        QCOMPARE(int(r.samples.size()), 1);
        const auto& b = r.samples[0].boxes;
        QCOMPARE(int(b.size()), 4);
        QVERIFY(sameBox(b[0], Box{0, 1000, 90, 2056}));
        QVERIFY(sameBox(b[1], Box{2500, 1200, 44, 50}));
        QVERIFY(sameBox(b[2], Box{7, 1000, 10, 10}));
        QVERIFY(sameBox(b[3], Box{812, 1000, 15, 20}));
    }

    void bomCrlfQuoting() {
        const std::string csv =
            "\xEF\xBB\xBF"
            "dicom_id,category_name,label_text,path,x,y,w,h,image_width,image_height\r\n"
            "a,Edema,\"two\r\nlines, \"\"quoted\"\"\",files/a.jpg,1,1,5,5,10,10\r\n"
            "b,Edema,\"\",files/b.jpg,1,1,5,5,10,10\r\n";
        // Line 4 (the record after the two-line field) has an empty label: the line count is right.
        try {
            parse(csv);
            QFAIL("no exception");
        } catch (const MsCxrError& e) {
            QCOMPARE(e.line, 4);
            QCOMPARE(e.column, std::string("label_text"));
        }
        const std::string good =
            "\xEF\xBB\xBF"
            "dicom_id,category_name,label_text,path,x,y,w,h,image_width,image_height\r\n"
            "a,Edema,\"two\r\nlines, \"\"quoted\"\"\",files/a.jpg,1,1,5,5,10,10\r\n"
            "\"b\",Edema,plain,\"files/b.jpg\",1,1,5,5,10,10\r\n"
            "\r\n";
        const MsCxrReadResult r = parse(good);
        QCOMPARE(r.rows, 2);
        QCOMPARE(int(r.samples.size()), 2);
        QCOMPARE(r.samples[0].dicomId, std::string("a"));  // the BOM is not part of the first column name
        QCOMPARE(r.samples[0].labelText, std::string("two\nlines, \"quoted\""));
        QCOMPARE(r.samples[0].firstLine, 2);
        QCOMPARE(r.samples[1].dicomId, std::string("b"));
        QCOMPARE(r.samples[1].path, std::string("files/b.jpg"));
        QCOMPARE(r.samples[1].firstLine, 4);

        // No final line break at all; LF only; several trailing empty lines.
        QCOMPARE(int(parse(kHeader + "a,Edema,x,files/a.jpg,1,1,5,5,10,10").samples.size()), 1);
        QCOMPARE(int(parse(kHeader + "a,Edema,x,files/a.jpg,1,1,5,5,10,10\n\n\n").samples.size()), 1);
        QCOMPARE(parse(kHeader).rows, 0);
    }

    void malformed_data() {
        QTest::addColumn<QByteArray>("csv");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("column");
        QTest::addColumn<QStringList>("needles");  // substrings the message must contain

        const std::string ok = row("a", "Edema", "Mild edema", "10", "10", "50", "50", "100", "100");
        const auto add = [&](const char* name, const std::string& csv, int line, const QString& column,
                             const QStringList& needles) {
            QTest::newRow(name) << QByteArray::fromStdString(csv) << line << column << needles;
        };
        add("missing columns", "dicom_id,category_name,label_text,path,x,y,w,image_width\n" + ok, 1, "",
            {"missing required column", "h, image_height"});
        add("empty file", "", 1, "", {"empty file"});
        add("too few fields", kHeader + ok + "a,Edema,Mild edema,files/a.jpg,10,10,50,50,100\n", 3, "",
            {"expected 10 fields", "found 9"});
        add("too many fields", kHeader + ok + ok + "a,Edema,Mild, edema,files/a.jpg,10,10,50,50,100,100\n", 4, "",
            {"found 11"});
        add("x not a number", kHeader + ok + row("a", "Edema", "Mild edema", "abc", "10", "50", "50", "100", "100"),
            3, "x", {"\"abc\"", "not a number"});
        add("y empty", kHeader + row("a", "Edema", "Mild edema", "10", "", "50", "50", "100", "100"), 2, "y",
            {"empty value"});
        add("w overflow", kHeader + row("a", "Edema", "Mild edema", "10", "10", "1e999", "50", "100", "100"), 2, "w",
            {"\"1e999\""});
        add("h not integral", kHeader + row("a", "Edema", "Mild edema", "10", "10", "50", "50.5", "100", "100"), 2,
            "h", {"not an integer", "\"50.5\""});
        add("y infinite", kHeader + row("a", "Edema", "Mild edema", "10", "inf", "50", "50", "100", "100"), 2, "y",
            {"not a number", "\"inf\""});
        add("x dot only", kHeader + row("a", "Edema", "Mild edema", ".", "10", "50", "50", "100", "100"), 2, "x",
            {"not a number"});
        add("x hex", kHeader + row("a", "Edema", "Mild edema", "0x10", "10", "50", "50", "100", "100"), 2, "x",
            {"not a number", "\"0x10\""});
        add("h exponent without digits", kHeader + row("a", "Edema", "Mild edema", "10", "10", "50", "5e", "100", "100"),
            2, "h", {"not a number"});
        add("w small exponent", kHeader + row("a", "Edema", "Mild edema", "10", "10", "5e-1", "50", "100", "100"), 2,
            "w", {"not an integer"});
        add("image height above int", kHeader + row("a", "Edema", "Mild edema", "10", "10", "50", "50", "100", "2147483648"),
            2, "image_height", {"out of range"});
        add("x too large", kHeader + row("a", "Edema", "Mild edema", "3000000000", "10", "50", "50", "100", "100"), 2,
            "x", {"out of range", "\"3000000000\""});
        add("image_width nan", kHeader + row("a", "Edema", "Mild edema", "10", "10", "50", "50", "nan", "100"), 2,
            "image_width", {"\"nan\""});
        add("w zero", kHeader + row("a", "Edema", "Mild edema", "10", "10", "0", "50", "100", "100"), 2, "w",
            {"must be > 0", "\"0\""});
        add("h negative", kHeader + row("a", "Edema", "Mild edema", "10", "10", "50", "-3", "100", "100"), 2, "h",
            {"must be > 0", "\"-3\""});
        add("image width zero", kHeader + row("a", "Edema", "Mild edema", "10", "10", "50", "50", "0", "100"), 2,
            "image_width", {"must be > 0", "\"0\""});
        add("image height negative", kHeader + row("a", "Edema", "Mild edema", "10", "10", "50", "50", "100", "-100"),
            2, "image_height", {"must be > 0", "\"-100\""});
        add("box right of image", kHeader + row("a", "Edema", "Mild edema", "100", "10", "50", "50", "100", "100"), 2,
            "x", {"x=100", "completely outside", "100x100"});
        add("box above image", kHeader + row("a", "Edema", "Mild edema", "10", "-60", "50", "50", "100", "100"), 2, "y",
            {"y=-60", "completely outside"});
        add("unknown category", kHeader + row("a", "Cardiomegally", "Mild edema", "10", "10", "50", "50", "100", "100"),
            2, "category_name",
            {"\"Cardiomegally\"", "Atelectasis, Cardiomegaly, Consolidation, Edema, Lung Opacity, Pleural Effusion, "
                                  "Pneumonia, Pneumothorax"});
        add("empty label", kHeader + row("a", "Edema", "", "10", "10", "50", "50", "100", "100"), 2, "label_text",
            {"empty"});
        add("blank label", kHeader + row("a", "Edema", "\"  \"", "10", "10", "50", "50", "100", "100"), 2,
            "label_text", {"empty"});
        add("unterminated quote", kHeader + ok + "a,Edema,\"Mild edema,files/a.jpg,10,10,50,50,100,100\n", 3,
            "label_text", {"unterminated", "Mild edema"});
        add("text after closing quote", kHeader + "a,Edema,\"Mild\" edema,files/a.jpg,10,10,50,50,100,100\n", 2,
            "label_text", {"after the closing quote"});
        add("merge category conflict", kHeader + ok + row("a", "Pneumonia", "Mild edema", "1", "1", "5", "5", "100", "100"),
            3, "category_name", {"\"Pneumonia\"", "\"Edema\"", "line 2"});
        add("merge size conflict", kHeader + ok + ok + row("a", "Edema", "Mild edema", "1", "1", "5", "5", "100", "120"),
            4, "image_height", {"\"120\"", "\"100\"", "line 2"});
        add("merge dicom_id conflict",
            kHeader + ok + "b,Edema,Mild edema,files/p10/p10000001/s5/a.jpg,10,10,50,50,100,100\n", 3, "dicom_id",
            {"\"b\"", "\"a\"", "line 2"});
        add("duplicate column", "x," + kHeader + ok, 1, "x", {"duplicate"});
    }
    void malformed() {
        QFETCH(QByteArray, csv);
        QFETCH(int, line);
        QFETCH(QString, column);
        QFETCH(QStringList, needles);
        try {
            parse(csv.toStdString());
            QFAIL("no exception");
        } catch (const MsCxrError& e) {
            const QString message = QString::fromStdString(e.what());
            QCOMPARE(e.line, line);
            QCOMPARE(QString::fromStdString(e.column), column);
            QVERIFY2(message.startsWith(QStringLiteral("inline.csv:%1: ").arg(line)), e.what());
            if (!column.isEmpty()) QVERIFY2(message.contains("column \"" + column + "\""), e.what());
            for (const QString& n : needles) QVERIFY2(message.contains(n), e.what());
        }
    }

    void samplesForImageLookup() {
        const MsCxrReadResult mock = readMsCxrCsv(CXRG_TEST_DATA "/mscxr/mock_MS_CXR_Local_Alignment_v1.0.0.csv");
        // By stem: a DICOM file named after the dicom_id, anywhere.
        auto found = samplesForImage(mock, "/data/dicom/mock0004-0000dddd-11111111-22222222-33333333.dcm");
        QCOMPARE(int(found.size()), 1);
        QCOMPARE(found[0]->labelText, std::string("Bibasilar consolidation"));
        QCOMPARE(int(found[0]->boxes.size()), 2);
        found = samplesForImage(mock, "C:\\mimic\\mock0001-0000aaaa-11111111-22222222-33333333.jpg");
        QCOMPARE(int(found.size()), 1);
        QCOMPARE(found[0], &mock.samples[0]);
        QVERIFY(samplesForImage(mock, "/data/mock0004.dcm").empty());
        QVERIFY(samplesForImage(mock, "").empty());

        // By path: the dicom_id differs from the file's stem but the path's file name matches.
        const std::string csv = kHeader + "id1,Edema,first,files/p1/s1/other.jpg,1,1,5,5,10,10\n" +
                                "id1,Edema,second,files/p1/s1/other.jpg,1,1,5,5,10,10\n" +
                                "id2,Edema,third,files/p1/s1/else.jpg,1,1,5,5,10,10\n";
        const MsCxrReadResult r = parse(csv);
        found = samplesForImage(r, "/mimic-cxr-jpg/files/p1/s1/other.jpg");
        QCOMPARE(int(found.size()), 2);
        QCOMPARE(found[0]->labelText, std::string("first"));
        QCOMPARE(found[1]->labelText, std::string("second"));
        QVERIFY(samplesForImage(r, "/tmp/other.png").empty());
        QVERIFY(samplesForImage(r, "/tmp/xother.jpg").empty());
        found = samplesForImage(r, "/somewhere/id2.dcm");
        QCOMPARE(int(found.size()), 1);
        QCOMPARE(found[0]->labelText, std::string("third"));
    }
};

QTEST_GUILESS_MAIN(TestMsCxr)
#include "test_mscxr.moc"
