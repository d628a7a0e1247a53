// CLIP tokenizer against the reference (tests/data/tokenizer/tokenizer_cases.json).
#include "text/clip_tokenizer.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using cxr::text::ClipTokenizer;

class TestTokenizer : public QObject {
    Q_OBJECT
    std::unique_ptr<ClipTokenizer> tok;
    QJsonArray cases;

private Q_SLOTS:
    void initTestCase() {
        std::string err;
        tok = ClipTokenizer::load(CXRG_TEST_DATA "/model-small/tokenizer", &err);
        QVERIFY2(tok, err.c_str());
        QCOMPARE(tok->vocabularySize(), size_t(49408));
        QCOMPARE(tok->padId(), 0);
        QCOMPARE(tok->bosId(), 49406);
        QCOMPARE(tok->eosId(), 49407);
        QFile f(CXRG_TEST_DATA "/tokenizer/tokenizer_cases.json");
        QVERIFY(f.open(QIODevice::ReadOnly));
        cases = QJsonDocument::fromJson(f.readAll()).object()["cases"].toArray();
        QCOMPARE(cases.size(), 167);
    }

    void everyReferenceCase_data() {
        QTest::addColumn<int>("index");
        for (int i = 0; i < cases.size(); ++i) QTest::newRow(qPrintable(QString::number(i))) << i;
    }
    void everyReferenceCase() {
        QFETCH(int, index);
        const QJsonObject c = cases[index].toObject();
        const auto r = tok->encode(c["text"].toString().toStdString());
        std::vector<int64_t> ref;
        for (const QJsonValue v : c["input_ids"].toArray()) ref.push_back(v.toInteger());
        QCOMPARE(r.ids, ref);
        QCOMPARE(r.length, c["length"].toInt());
        QCOMPARE(r.fullLength, c["length_untruncated"].toInt());
        QCOMPARE(r.truncated, c["length_untruncated"].toInt() > 77);
        const QJsonArray toks = c["tokens"].toArray();
        QCOMPARE(int(r.tokens.size()), toks.size() - 2);
        for (size_t k = 0; k < r.tokens.size(); ++k)
            QCOMPARE(QString::fromStdString(r.tokens[k]), toks[int(k) + 1].toString());
    }

    void emptyAndPadding() {
        const auto r = tok->encode("");
        QCOMPARE(r.length, 2);
        QCOMPARE(r.ids[0], int64_t(49406));
        QCOMPARE(r.ids[1], int64_t(49407));
        for (int i = 2; i < 77; ++i) QCOMPARE(r.ids[size_t(i)], int64_t(0));
        QCOMPARE(tok->encode(" \t\n ").length, 2);
    }

    void literalExclamationIsThePadToken() {
        const auto r = tok->encode("effusion!");
        QCOMPARE(r.ids[size_t(r.length - 2)], int64_t(0));
    }

    void truncationKeepsEosLast() {
        std::string text;
        for (int i = 0; i < 100; ++i) text += "effusion ";
        const auto r = tok->encode(text);
        QCOMPARE(r.length, 77);
        QVERIFY(r.truncated);
        QCOMPARE(r.ids[76], int64_t(49407));
        QCOMPARE(r.fullLength, 2 + 200);  // "effusion" is two tokens
    }

    void invalidUtf8DoesNotCrash() {
        const std::string bad("pleural \xff\xfe effusion \xc3\x28 \xe2\x82", 32);
        const auto r = tok->encode(bad);
        QVERIFY(r.length >= 4);
        QCOMPARE(r.ids[0], int64_t(49406));
    }

    void hugePasteIsFastAndTruncated() {
        std::string text;
        for (int i = 0; i < 100000; ++i) text += (i % 3 ? "opacity " : "left ");
        QElapsedTimer t;
        t.start();
        const auto r = tok->encode(text);
        QVERIFY(r.truncated);
        QCOMPARE(r.length, 77);
        QVERIFY(r.fullLength > 100000);
        qInfo("100k-word paste tokenised in %lld ms", t.elapsed());
    }

    void wordsMapToTheirTokens() {
        const auto words = tok->words("Small left pleural effusion.");
        QCOMPARE(int(words.size()), 5);
        QCOMPARE(QString::fromStdString(words[2].text), QString("pleural"));
        QCOMPARE(words[2].firstToken, 3);  // "ple", "ural</w>"
        QCOMPARE(words[2].lastToken, 4);
        QVERIFY(words[2].isWord);
        QVERIFY(!words[4].isWord);  // "."
        QCOMPARE(words[4].lastToken, 7);
    }

    void missingFilesAreNamed() {
        QTemporaryDir tmp;
        std::string err;
        QVERIFY(!ClipTokenizer::load(tmp.path().toStdString(), &err));
        QVERIFY2(err.find("vocab.json") != std::string::npos, err.c_str());
        QFile::copy(CXRG_TEST_DATA "/model-small/tokenizer/vocab.json", tmp.filePath("vocab.json"));
        QVERIFY(!ClipTokenizer::load(tmp.path().toStdString(), &err));
        QVERIFY2(err.find("merges.txt") != std::string::npos, err.c_str());
        QFile bad(tmp.filePath("vocab.json"));
        QVERIFY(bad.open(QIODevice::WriteOnly | QIODevice::Truncate));
        bad.write("[1, 2, 3]");
        bad.close();
        QVERIFY(!ClipTokenizer::load(tmp.path().toStdString(), &err));
        QVERIFY2(err.find("vocab.json") != std::string::npos, err.c_str());
    }
};

QTEST_GUILESS_MAIN(TestTokenizer)
#include "test_tokenizer.moc"
