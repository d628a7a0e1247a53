// DIMSE client through DCMTK's dcmnet: C-ECHO, C-FIND (Study Root), C-GET, C-MOVE to our own
// listening port (a DcmSCP of ours receives the C-STOREs), C-STORE.
#include "pacs_internal.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmnet/diutil.h>
#include <dcmtk/dcmnet/scp.h>
#include <dcmtk/dcmnet/scu.h>
#include <dcmtk/oflog/oflog.h>

#include <mutex>
#include <thread>

namespace cxr::pacs {

namespace {

// DCMTK's text of a condition on one line (nested conditions are joined with ": ").
QString text(const OFCondition& c) {
    QStringList lines = QString::fromLocal8Bit(c.text()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (QString& l : lines) {
        static const QRegularExpression code(QStringLiteral("^[0-9a-f]{4}:[0-9a-f]{4} "));
        l = l.remove(code).trimmed();
    }
    return lines.join(QStringLiteral(": "));
}

QString statusHex(Uint16 s) { return QStringLiteral("0x%1").arg(s, 4, 16, QLatin1Char('0')); }

// Transfer syntaxes we accept for instances we receive: the stored one is kept where the server
// allows (each in a presentation context of its own), so received files equal the stored ones.
const char* const kReceiveSyntaxes[] = {
    UID_LittleEndianExplicitTransferSyntax, UID_LittleEndianImplicitTransferSyntax,
    UID_JPEGProcess1TransferSyntax, UID_JPEGProcess2_4TransferSyntax, UID_JPEGProcess14TransferSyntax,
    UID_JPEGProcess14SV1TransferSyntax, UID_JPEGLSLosslessTransferSyntax, UID_JPEGLSLossyTransferSyntax,
    UID_JPEG2000LosslessOnlyTransferSyntax, UID_JPEG2000TransferSyntax, UID_RLELosslessTransferSyntax,
    UID_DeflatedExplicitVRLittleEndianTransferSyntax, UID_BigEndianExplicitTransferSyntax};

OFList<OFString> uncompressed() {
    OFList<OFString> ts;
    ts.push_back(UID_LittleEndianExplicitTransferSyntax);
    ts.push_back(UID_LittleEndianImplicitTransferSyntax);
    return ts;
}

OFList<OFString> allReceiveSyntaxes() {
    OFList<OFString> ts;
    for (const char* t : kReceiveSyntaxes) ts.push_back(t);
    return ts;
}

// Writes a received data set as <SOP Instance UID>.dcm into `folder` (temporary file, then rename).
bool saveReceived(DcmDataset* dataset, const QString& folder, QString* uid, QString* path, QString* error) {
    OFString sop;
    dataset->findAndGetOFString(DCM_SOPInstanceUID, sop);
    *uid = QString::fromLatin1(sop.c_str());
    if (!isValidUid(*uid)) {
        *error = PacsText::tr("the server sent an instance without a valid SOP Instance UID");
        return false;
    }
    const QDir dir(folder);
    *path = dir.absoluteFilePath(instanceFileName(*uid));
    const QString staged = dir.absoluteFilePath(QStringLiteral(".%1.dcm.part").arg(*uid));
    DcmFileFormat file(dataset);
    const E_TransferSyntax xfer = dataset->getOriginalXfer() == EXS_Unknown ? EXS_LittleEndianExplicit : dataset->getOriginalXfer();
    const OFCondition c = file.saveFile(OFFilename(QFile::encodeName(staged).constData()), xfer, EET_ExplicitLength,
                                        EGL_recalcGL, EPD_withoutPadding, 0, 0, EWM_createNewMeta);
    if (c.bad()) {
        QFile::remove(staged);
        *error = PacsText::tr("cannot write %1: %2").arg(QDir::toNativeSeparators(*path), text(c));
        return false;
    }
    QFile::remove(*path);
    if (!QFile::rename(staged, *path)) {
        QFile::remove(staged);
        *error = PacsText::tr("cannot write %1").arg(QDir::toNativeSeparators(*path));
        return false;
    }
    return true;
}

QString stringOf(DcmItem* ds, const DcmTagKey& tag) {
    OFString v;
    if (ds && ds->findAndGetOFStringArray(tag, v).good()) return QString::fromUtf8(v.c_str()).trimmed();
    return QString();
}

int intOf(DcmItem* ds, const DcmTagKey& tag) {
    bool ok = false;
    const int v = stringOf(ds, tag).toInt(&ok);
    return ok ? v : -1;
}

// Our SCU: collects C-FIND matches as they come (with a limit and cancel), saves C-GET's
// C-STOREs, follows C-MOVE progress.
class Scu : public DcmSCU {
public:
    const std::atomic_bool* cancel = nullptr;
    // C-FIND
    std::function<bool(DcmDataset*)> onMatch;  // false: enough (sends C-CANCEL)
    Uint16 finalStatus = 0;
    bool cancelSent = false;
    // C-GET
    QString folder;
    std::function<void(const QString&, const QString&)> onStored;
    QString storeError;
    bool cancelled = false;
    // C-GET / C-MOVE
    std::function<void(int completed, int remaining)> onRetrieveProgress;
    Uint16 failedSubops = 0;

protected:
    OFCondition handleFINDResponse(const T_ASC_PresentationContextID presID, QRResponse* response,
                                   OFBool& waitForNextResponse) override {
        finalStatus = response->m_status;
        waitForNextResponse = DICOM_PENDING_STATUS(response->m_status) ? OFTrue : OFFalse;
        if (waitForNextResponse && response->m_dataset && !cancelSent) {
            const bool more = onMatch ? onMatch(response->m_dataset) : true;
            if (!more || (cancel && *cancel)) {
                cancelled = cancel && *cancel;
                cancelSent = true;
                sendCANCELRequest(presID);
            }
        }
        return EC_Normal;
    }

    OFCondition handleSTORERequest(const T_ASC_PresentationContextID, DcmDataset* incomingObject,
                                   OFBool& continueCGETSession, Uint16& cStoreReturnStatus) override {
        std::unique_ptr<DcmDataset> dataset(incomingObject);
        continueCGETSession = OFTrue;
        cStoreReturnStatus = STATUS_Success;
        QString uid, path, error;
        if (!dataset || !saveReceived(dataset.get(), folder, &uid, &path, &error)) {
            storeError = dataset ? error : PacsText::tr("the server sent an empty C-STORE");
            cStoreReturnStatus = STATUS_STORE_Refused_OutOfResources;
            continueCGETSession = OFFalse;
            return EC_Normal;
        }
        if (onStored) onStored(uid, path);
        if (cancel && *cancel) {
            cancelled = true;
            continueCGETSession = OFFalse;
        }
        return EC_Normal;
    }

    OFCondition handleCGETResponse(const T_ASC_PresentationContextID presID, RetrieveResponse* response,
                                   OFBool& continueCGETSession) override {
        finalStatus = response->m_status;
        failedSubops = response->m_numberOfFailedSubops;
        if (onRetrieveProgress) onRetrieveProgress(response->m_numberOfCompletedSubops, response->m_numberOfRemainingSubops);
        return DcmSCU::handleCGETResponse(presID, response, continueCGETSession);
    }

    OFCondition handleMOVEResponse(const T_ASC_PresentationContextID presID, RetrieveResponse* response,
                                   OFBool& waitForNextResponse) override {
        finalStatus = response->m_status;
        failedSubops = response->m_numberOfFailedSubops;
        if (onRetrieveProgress) onRetrieveProgress(response->m_numberOfCompletedSubops, response->m_numberOfRemainingSubops);
        waitForNextResponse = DICOM_PENDING_STATUS(response->m_status) ? OFTrue : OFFalse;
        if (waitForNextResponse && cancel && *cancel && !cancelSent) {
            cancelled = true;
            cancelSent = true;
            sendCANCELRequest(presID);
        }
        return EC_Normal;
    }
};

// Receives the C-STOREs of a C-MOVE on our own port, in a thread of its own.
class MoveReceiver : public DcmSCP {
public:
    QString folder;
    std::atomic_bool stop{false};
    std::mutex mutex;
    QVector<QPair<QString, QString>> stored;  // (SOP Instance UID, path)
    QString error;

protected:
    OFCondition handleIncomingCommand(T_DIMSE_Message* message, const DcmPresentationContextInfo& info) override {
        if (message->CommandField != DIMSE_C_STORE_RQ) return DcmSCP::handleIncomingCommand(message, info);
        T_DIMSE_C_StoreRQ& request = message->msg.CStoreRQ;
        DcmDataset* received = nullptr;
        OFCondition c = receiveSTORERequest(request, info.presentationContextID, received);
        std::unique_ptr<DcmDataset> dataset(received);
        if (c.bad()) return c;
        QString uid, path, e;
        const bool ok = dataset && saveReceived(dataset.get(), folder, &uid, &path, &e);
        {
            std::lock_guard<std::mutex> lock(mutex);
            if (ok) stored.push_back({uid, path});
            else if (error.isEmpty()) error = e;
        }
        return sendSTOREResponse(info.presentationContextID, request,
                                 ok ? Uint16(STATUS_Success) : Uint16(STATUS_STORE_Refused_OutOfResources));
    }
    OFBool stopAfterCurrentAssociation() override { return stop ? OFTrue : OFFalse; }
    OFBool stopAfterConnectionTimeout() override { return stop ? OFTrue : OFFalse; }
};

class DimseClient final : public Client {
public:
    explicit DimseClient(const Server& server) : Client(server) { quietDcmtk(); }

    bool echo(QString* error) override {
        Scu scu;
        if (!connect(scu, {{UID_VerificationSOPClass, uncompressed(), ASC_SC_ROLE_DEFAULT}}, error)) return false;
        const OFCondition c = scu.sendECHORequest(0);
        scu.releaseAssociation();
        if (c.bad()) return fail(error, PacsText::tr("%1 did not answer the C-ECHO: %2.").arg(server_.label(), text(c)));
        return true;
    }

    bool store(const QStringList& files, QVector<StoreResult>* out, QString* error, const ProgressFn& progress,
               const std::atomic_bool* cancel) override;

protected:
    bool findLevel(const Query& query, FindResult* out, QString* error, const std::atomic_bool* cancel) override;
    bool transfer(const QString& studyUid, const QString& seriesUid, const QVector<Match>& instances, bool whole,
                  const QString& folder, const std::function<void(const QString&, const QString&)>& received,
                  QString* error, const ProgressFn& progress, const std::atomic_bool* cancel) override;

private:
    struct Context {
        OFString abstractSyntax;
        OFList<OFString> syntaxes;
        T_ASC_SC_ROLE role;
    };

    static bool fail(QString* error, const QString& why) {
        if (error) *error = why;
        return false;
    }

    // Configures `scu`, proposes `contexts`, opens the association; false with a message naming
    // the reason (connection refused, association rejected, no context accepted).
    bool connect(Scu& scu, const QVector<Context>& contexts, QString* error) {
        const Uint32 timeout = Uint32(std::max(1, server_.timeoutSeconds));
        scu.setAETitle(server_.callingAet.toLatin1().constData());
        scu.setPeerAETitle(server_.calledAet.toLatin1().constData());
        scu.setPeerHostName(server_.host.toLatin1().constData());
        scu.setPeerPort(server_.port);
        scu.setConnectionTimeout(Sint32(timeout));
        scu.setACSETimeout(timeout);
        scu.setDIMSEBlockingMode(DIMSE_NONBLOCKING);
        scu.setDIMSETimeout(timeout);
        scu.setMaxReceivePDULength(ASC_DEFAULTMAXPDU);
        for (const Context& c : contexts) {
            const OFCondition r = scu.addPresentationContext(c.abstractSyntax, c.syntaxes, c.role);
            if (r.bad()) return fail(error, PacsText::tr("Cannot propose the DICOM services: %1.").arg(text(r)));
        }
        OFCondition c = scu.initNetwork();
        if (c.bad()) return fail(error, PacsText::tr("Cannot start DICOM networking: %1.").arg(text(c)));
        c = scu.negotiateAssociation();
        if (c.bad()) {
            const QString t = text(c);
            const QString where = QStringLiteral("%1:%2").arg(server_.host).arg(server_.port);
            if (c == DUL_ASSOCIATIONREJECTED)
                return fail(error, PacsText::tr("%1 refused the association (its AE title %2, ours %3): check both AE titles and "
                                      "that the server knows ours.")
                                       .arg(server_.label(), server_.calledAet, server_.callingAet));
            if (t.contains(QLatin1String("refused"), Qt::CaseInsensitive))
                return fail(error, PacsText::tr("Cannot connect to %1: connection refused (is the server running, and is the port right?).")
                                       .arg(where));
            if (t.contains(QLatin1String("timeout"), Qt::CaseInsensitive) || t.contains(QLatin1String("timed out"), Qt::CaseInsensitive))
                return fail(error, PacsText::tr("%1 did not answer within %2 s.").arg(server_.label()).arg(server_.timeoutSeconds));
            return fail(error, PacsText::tr("Cannot open an association with %1: %2.").arg(server_.label(), t));
        }
        return true;
    }

    // A C-FIND at one level; matches reported to `onMatch` (false: enough).
    bool cfind(DcmDataset& keys, const std::function<bool(DcmDataset*)>& onMatch, bool* truncated, QString* error,
               const std::atomic_bool* cancel) {
        Scu scu;
        scu.cancel = cancel;
        bool enough = false;
        scu.onMatch = [&](DcmDataset* ds) {
            if (!onMatch(ds)) enough = true;
            return !enough;
        };
        if (!connect(scu, {{UID_FINDStudyRootQueryRetrieveInformationModel, uncompressed(), ASC_SC_ROLE_DEFAULT}}, error))
            return false;
        const T_ASC_PresentationContextID id = scu.findPresentationContextID(UID_FINDStudyRootQueryRetrieveInformationModel, "");
        if (id == 0) {
            scu.releaseAssociation();
            return fail(error, PacsText::tr("%1 does not offer the search (C-FIND Study Root).").arg(server_.label()));
        }
        const OFCondition c = scu.sendFINDRequest(id, &keys, nullptr);
        if (c.bad()) {
            scu.abortAssociation();
            if (scu.cancelled) return fail(error, cancelledMessage());
            if (c == DUL_PEERABORTEDASSOCIATION)
                return fail(error, PacsText::tr("%1 aborted the search: it may not allow searches from our AE title %2 (register it "
                                      "on the server).").arg(server_.label(), server_.callingAet));
            return fail(error, PacsText::tr("The search on %1 failed: %2.").arg(server_.label(), text(c)));
        }
        scu.releaseAssociation();
        if (scu.cancelled) return fail(error, cancelledMessage());
        *truncated = enough;
        const Uint16 s = scu.finalStatus;
        if (s != STATUS_Success && s != STATUS_FIND_Cancel && !DICOM_PENDING_STATUS(s))
            return fail(error, PacsText::tr("%1 refused the search (status %2).").arg(server_.label(), statusHex(s)));
        return true;
    }

    bool retrieveFinalStatus(const Scu& scu, QString* error) {
        const Uint16 s = scu.finalStatus;
        if (s == STATUS_Success || (s & 0xf000) == 0xb000) return true;  // warnings: sub-operations failed, named by the caller
        if (s == STATUS_MOVE_Refused_MoveDestinationUnknown)
            return fail(error, PacsText::tr("%1 does not know our AE title %2 as a C-MOVE destination: register it there with this "
                                  "computer's address and port %3.")
                                   .arg(server_.label(), server_.callingAet)
                                   .arg(server_.movePort));
        return fail(error, PacsText::tr("%1 refused the retrieve (status %2).").arg(server_.label(), statusHex(s)));
    }
};

Match matchOf(DcmDataset* ds, Level level) {
    ds->convertToUTF8();
    Match m;
    m.level = level;
    m.studyUid = stringOf(ds, DCM_StudyInstanceUID);
    m.seriesUid = stringOf(ds, DCM_SeriesInstanceUID);
    m.sopInstanceUid = stringOf(ds, DCM_SOPInstanceUID);
    m.sopClassUid = stringOf(ds, DCM_SOPClassUID);
    m.patientName = stringOf(ds, DCM_PatientName);
    m.patientId = stringOf(ds, DCM_PatientID);
    m.studyDate = stringOf(ds, DCM_StudyDate);
    m.studyTime = stringOf(ds, DCM_StudyTime);
    m.accession = stringOf(ds, DCM_AccessionNumber);
    if (level == Level::Study) {
        m.description = stringOf(ds, DCM_StudyDescription);
        m.modalities = stringOf(ds, DCM_ModalitiesInStudy).split(QLatin1Char('\\'), Qt::SkipEmptyParts);
        m.instances = intOf(ds, DCM_NumberOfStudyRelatedInstances);
    } else {
        m.description = stringOf(ds, DCM_SeriesDescription);
        const QString modality = stringOf(ds, DCM_Modality);
        if (!modality.isEmpty()) m.modalities << modality;
        m.seriesNumber = intOf(ds, DCM_SeriesNumber);
        m.instanceNumber = intOf(ds, DCM_InstanceNumber);
        m.instances = level == Level::Series ? intOf(ds, DCM_NumberOfSeriesRelatedInstances) : 1;
    }
    return m;
}

bool DimseClient::findLevel(const Query& query, FindResult* out, QString* error, const std::atomic_bool* cancel) {
    if (query.level == Level::Instance && query.seriesUid.isEmpty()) {
        // Strictly hierarchical servers want the series of an instance search: series first.
        Query series = query;
        series.level = Level::Series;
        series.limit = 100000;
        FindResult s;
        if (!findLevel(series, &s, error, cancel)) return false;
        for (const Match& m : s.matches) {
            Query q = query;
            q.seriesUid = m.seriesUid;
            q.limit = query.limit - int(out->matches.size());
            if (q.limit <= 0) {
                out->truncated = true;
                break;
            }
            if (!findLevel(q, out, error, cancel)) return false;
        }
        return true;
    }
    DcmDataset keys;
    keys.putAndInsertString(DCM_SpecificCharacterSet, "ISO_IR 192");
    keys.putAndInsertString(DCM_StudyInstanceUID, query.studyUid.toLatin1().constData());
    switch (query.level) {
    case Level::Study: {
        keys.putAndInsertString(DCM_QueryRetrieveLevel, "STUDY");
        keys.putAndInsertString(DCM_PatientName, query.patientName.toUtf8().constData());
        keys.putAndInsertString(DCM_PatientID, query.patientId.toUtf8().constData());
        QString date;
        if (!query.dateFrom.isEmpty() || !query.dateTo.isEmpty())
            date = query.dateFrom == query.dateTo ? query.dateFrom : query.dateFrom + QLatin1Char('-') + query.dateTo;
        keys.putAndInsertString(DCM_StudyDate, date.toLatin1().constData());
        keys.insertEmptyElement(DCM_StudyTime);
        keys.putAndInsertString(DCM_AccessionNumber, query.accession.toUtf8().constData());
        keys.putAndInsertString(DCM_ModalitiesInStudy, query.modality.toUtf8().constData());
        keys.insertEmptyElement(DCM_StudyDescription);
        keys.insertEmptyElement(DCM_NumberOfStudyRelatedInstances);
        break;
    }
    case Level::Series:
        keys.putAndInsertString(DCM_QueryRetrieveLevel, "SERIES");
        keys.putAndInsertString(DCM_SeriesInstanceUID, query.seriesUid.toLatin1().constData());
        keys.putAndInsertString(DCM_Modality, query.modality.toUtf8().constData());
        keys.insertEmptyElement(DCM_SeriesNumber);
        keys.insertEmptyElement(DCM_SeriesDescription);
        keys.insertEmptyElement(DCM_NumberOfSeriesRelatedInstances);
        break;
    case Level::Instance:
        keys.putAndInsertString(DCM_QueryRetrieveLevel, "IMAGE");
        keys.putAndInsertString(DCM_SeriesInstanceUID, query.seriesUid.toLatin1().constData());
        keys.insertEmptyElement(DCM_SOPInstanceUID);
        keys.insertEmptyElement(DCM_SOPClassUID);
        keys.insertEmptyElement(DCM_InstanceNumber);
        break;
    }
    QString invalid;
    bool truncated = false;
    const bool ok = cfind(keys,
                          [&](DcmDataset* ds) {
                              if (int(out->matches.size()) >= query.limit) return false;
                              Match m = matchOf(ds, query.level);
                              if (m.studyUid.isEmpty()) m.studyUid = query.studyUid;
                              if (m.seriesUid.isEmpty()) m.seriesUid = query.seriesUid;
                              const QString& key = query.level == Level::Study    ? m.studyUid
                                                   : query.level == Level::Series ? m.seriesUid
                                                                                  : m.sopInstanceUid;
                              if (!isValidUid(key)) {
                                  if (invalid.isEmpty()) invalid = key.isEmpty() ? QStringLiteral("(empty)") : key.left(80);
                                  return true;
                              }
                              out->matches << m;
                              return true;
                          },
                          &truncated, error, cancel);
    if (!ok) return false;
    out->truncated = out->truncated || truncated;
    if (!invalid.isEmpty() && out->matches.isEmpty())
        return fail(error, PacsText::tr("The answer of %1 to the search holds a match without a valid UID (\"%2\").").arg(server_.label(), invalid));
    return true;
}

bool DimseClient::transfer(const QString& studyUid, const QString& seriesUid, const QVector<Match>& instances, bool whole,
                           const QString& folder, const std::function<void(const QString&, const QString&)>& received,
                           QString* error, const ProgressFn& progress, const std::atomic_bool* cancel) {
    // Identify what to retrieve: the study / series, or the instances still missing.
    DcmDataset keys;
    keys.putAndInsertString(DCM_StudyInstanceUID, studyUid.toLatin1().constData());
    QSet<QString> series;
    for (const Match& m : instances) series.insert(m.seriesUid);
    if (whole) {
        keys.putAndInsertString(DCM_QueryRetrieveLevel, seriesUid.isEmpty() ? "STUDY" : "SERIES");
        if (!seriesUid.isEmpty()) keys.putAndInsertString(DCM_SeriesInstanceUID, seriesUid.toLatin1().constData());
    } else {
        QStringList uids;
        for (const Match& m : instances) uids << m.sopInstanceUid;
        keys.putAndInsertString(DCM_QueryRetrieveLevel, "IMAGE");
        if (series.size() == 1) keys.putAndInsertString(DCM_SeriesInstanceUID, series.begin()->toLatin1().constData());
        keys.putAndInsertString(DCM_SOPInstanceUID, uids.join(QLatin1Char('\\')).toLatin1().constData());
    }

    int stored = 0;
    auto report = [&](const QString& uid) {
        if (!progress) return;
        Progress p;
        p.current = uid;
        p.done = stored;
        progress(p);
    };

    Scu scu;
    scu.cancel = cancel;
    scu.folder = folder;
    scu.onStored = [&](const QString& uid, const QString& path) {
        ++stored;
        received(uid, path);
        report(uid);
    };

    if (server_.retrieve == RetrieveMode::Get) {
        // C-GET: the instances come back on our association; we propose to receive their classes.
        QVector<Context> contexts{{UID_GETStudyRootQueryRetrieveInformationModel, uncompressed(), ASC_SC_ROLE_DEFAULT}};
        QSet<QString> classes;
        for (const Match& m : instances)
            if (!m.sopClassUid.isEmpty()) classes.insert(m.sopClassUid);
        const int perClass = int(sizeof(kReceiveSyntaxes) / sizeof(kReceiveSyntaxes[0]));
        for (const QString& cls : classes) {
            if (1 + classes.size() * perClass <= 120) {
                for (const char* ts : kReceiveSyntaxes) {
                    OFList<OFString> one;
                    one.push_back(ts);
                    contexts.push_back({cls.toLatin1().constData(), one, ASC_SC_ROLE_SCP});
                }
            } else {
                contexts.push_back({cls.toLatin1().constData(), allReceiveSyntaxes(), ASC_SC_ROLE_SCP});
            }
        }
        if (contexts.size() > 127)
            return fail(error, PacsText::tr("The study holds more kinds of object (%1) than one C-GET association can receive; "
                                  "use C-MOVE for it.").arg(classes.size()));
        if (!connect(scu, contexts, error)) return false;
        const T_ASC_PresentationContextID id = scu.findPresentationContextID(UID_GETStudyRootQueryRetrieveInformationModel, "");
        if (id == 0) {
            scu.releaseAssociation();
            return fail(error, PacsText::tr("%1 does not offer C-GET (Study Root); retrieve with C-MOVE instead.").arg(server_.label()));
        }
        const OFCondition c = scu.sendCGETRequest(id, &keys, nullptr);
        if (scu.cancelled) {
            scu.abortAssociation();
            return fail(error, cancelledMessage());
        }
        if (c.bad()) {
            scu.abortAssociation();
            if (!scu.storeError.isEmpty()) return fail(error, PacsText::tr("Cannot keep what %1 sent: %2.").arg(server_.label(), scu.storeError));
            return fail(error, PacsText::tr("The connection to %1 was lost during the retrieve: %2.").arg(server_.label(), text(c)));
        }
        scu.releaseAssociation();
        if (!scu.storeError.isEmpty()) return fail(error, PacsText::tr("Cannot keep what %1 sent: %2.").arg(server_.label(), scu.storeError));
        return retrieveFinalStatus(scu, error);
    }

    // C-MOVE to ourselves: our own SCP listens on the move port while the server sends.
    MoveReceiver receiver;
    receiver.folder = folder;
    receiver.setAETitle(server_.callingAet.toLatin1().constData());
    receiver.setPort(server_.movePort);
    receiver.setConnectionTimeout(1);
    receiver.setACSETimeout(Uint32(std::max(1, server_.timeoutSeconds)));
    receiver.setDIMSETimeout(Uint32(std::max(1, server_.timeoutSeconds)));
    receiver.setDIMSEBlockingMode(DIMSE_NONBLOCKING);
    receiver.setConnectionBlockingMode(DUL_NOBLOCK);
    receiver.addPresentationContext(UID_VerificationSOPClass, uncompressed());
    for (int i = 0; i < numberOfDcmAllStorageSOPClassUIDs; ++i)
        receiver.addPresentationContext(dcmAllStorageSOPClassUIDs[i], allReceiveSyntaxes());
    OFCondition c = receiver.openListenPort();
    if (c.bad())
        return fail(error, PacsText::tr("Cannot listen on port %1 for the C-MOVE (%2): is another program using it?")
                               .arg(server_.movePort).arg(text(c)));
    std::thread listener([&receiver] { receiver.acceptAssociations(); });
    struct Join {
        MoveReceiver& r;
        std::thread& t;
        ~Join() {
            r.stop = true;
            if (t.joinable()) t.join();
        }
    } join{receiver, listener};

    QSet<QString> reported;
    auto drain = [&] {
        std::lock_guard<std::mutex> lock(receiver.mutex);
        for (const auto& [uid, path] : receiver.stored)
            if (!reported.contains(uid)) {
                reported.insert(uid);
                ++stored;
                received(uid, path);
                report(uid);
            }
    };
    scu.onRetrieveProgress = [&](int, int) { drain(); };
    if (!connect(scu, {{UID_MOVEStudyRootQueryRetrieveInformationModel, uncompressed(), ASC_SC_ROLE_DEFAULT}}, error))
        return false;
    const T_ASC_PresentationContextID id = scu.findPresentationContextID(UID_MOVEStudyRootQueryRetrieveInformationModel, "");
    if (id == 0) {
        scu.releaseAssociation();
        return fail(error, PacsText::tr("%1 does not offer C-MOVE (Study Root).").arg(server_.label()));
    }
    c = scu.sendMOVERequest(id, server_.callingAet.toLatin1().constData(), &keys, nullptr);
    if (c.bad() || scu.cancelled) scu.abortAssociation();
    else scu.releaseAssociation();
    // The server's last store association ends before its final response; let ours finish it.
    receiver.stop = true;
    if (listener.joinable()) listener.join();
    drain();
    if (scu.cancelled) return fail(error, cancelledMessage());
    if (c.bad()) return fail(error, PacsText::tr("The connection to %1 was lost during the retrieve: %2.").arg(server_.label(), text(c)));
    if (!receiver.error.isEmpty()) return fail(error, PacsText::tr("Cannot keep what %1 sent: %2.").arg(server_.label(), receiver.error));
    return retrieveFinalStatus(scu, error);
}

QString storeStatus(Uint16 s) {
    if (s == STATUS_Success) return PacsText::tr("stored");
    if ((s & 0xf000) == 0xb000) return PacsText::tr("stored with a warning (status %1)").arg(statusHex(s));
    if ((s & 0xff00) == 0xa700) return PacsText::tr("refused: the server is out of resources (status %1)").arg(statusHex(s));
    if ((s & 0xff00) == 0xa900) return PacsText::tr("refused: the data set does not match its SOP class (status %1)").arg(statusHex(s));
    if (s == STATUS_STORE_Refused_SOPClassNotSupported) return PacsText::tr("refused: the server does not store this kind of object (status 0x0122)");
    if (s == STATUS_STORE_Refused_NotAuthorized) return PacsText::tr("refused: not authorised (status 0x0124)");
    return PacsText::tr("refused (status %1)").arg(statusHex(s));
}

bool DimseClient::store(const QStringList& files, QVector<StoreResult>* out, QString* error, const ProgressFn& progress,
                        const std::atomic_bool* cancel) {
    out->clear();
    // What each file is: its class, instance and transfer syntax (one context per pair, plus the
    // uncompressed ones DCMTK can convert to).
    struct Item {
        QString path, sopClass, sopInstance;
        OFString xfer;
        bool readable = false;
    };
    QVector<Item> items;
    QHash<QString, QSet<QString>> contextsWanted;
    for (const QString& path : files) {
        Item it;
        it.path = path;
        DcmFileFormat ff;
        if (ff.loadFileUntilTag(OFFilename(QFile::encodeName(path).constData()), EXS_Unknown, EGL_noChange,
                                DCM_MaxReadLength, ERM_autoDetect, DCM_PixelData).good()) {
            it.sopClass = stringOf(ff.getDataset(), DCM_SOPClassUID);
            it.sopInstance = stringOf(ff.getDataset(), DCM_SOPInstanceUID);
            it.xfer = DcmXfer(ff.getDataset()->getOriginalXfer()).getXferID();
            it.readable = !it.sopClass.isEmpty() && !it.sopInstance.isEmpty();
        }
        if (it.readable) {
            contextsWanted[it.sopClass].insert(QString::fromLatin1(it.xfer.c_str()));
            contextsWanted[it.sopClass].insert(QStringLiteral(UID_LittleEndianExplicitTransferSyntax));
            contextsWanted[it.sopClass].insert(QStringLiteral(UID_LittleEndianImplicitTransferSyntax));
        }
        items << it;
    }
    QVector<Context> contexts;
    for (auto i = contextsWanted.cbegin(); i != contextsWanted.cend(); ++i)
        for (const QString& ts : i.value()) {
            OFList<OFString> one;
            one.push_back(ts.toLatin1().constData());
            contexts.push_back({i.key().toLatin1().constData(), one, ASC_SC_ROLE_DEFAULT});
        }
    if (contexts.size() > 127) return fail(error, PacsText::tr("Too many kinds of object for one association; send fewer files at once."));
    Scu scu;
    scu.setDatasetConversionMode(OFTrue);
    if (!contexts.isEmpty() && !connect(scu, contexts, error)) return false;
    qint64 sent = 0;
    int done = 0;
    for (const Item& it : items) {
        StoreResult r;
        r.sopInstanceUid = it.sopInstance;
        if (cancel && *cancel) {
            scu.abortAssociation();
            return fail(error, cancelledMessage());
        }
        if (!it.readable) {
            r.status = PacsText::tr("not sent: not a readable DICOM file");
        } else {
            Uint16 status = 0;
            const OFCondition c = scu.sendSTORERequest(0, OFFilename(QFile::encodeName(it.path).constData()), nullptr, status);
            if (c == DIMSE_NOVALIDPRESENTATIONCONTEXTID) {
                r.status = PacsText::tr("not sent: %1 accepts no transfer syntax for this kind of object").arg(server_.label());
            } else if (c.bad()) {
                scu.abortAssociation();
                return fail(error, PacsText::tr("The connection to %1 was lost while sending %2: %3.")
                                       .arg(server_.label(), QDir::toNativeSeparators(it.path), text(c)));
            } else {
                r.ok = status == STATUS_Success || (status & 0xf000) == 0xb000;
                r.status = storeStatus(status);
            }
        }
        *out << r;
        sent += QFileInfo(it.path).size();
        if (progress) {
            Progress p;
            p.done = ++done;
            p.total = int(items.size());
            p.bytes = sent;
            p.current = it.path;
            progress(p);
        }
    }
    if (scu.isConnected()) scu.releaseAssociation();
    return true;
}

}  // namespace

std::unique_ptr<Client> createDimseClient(const Server& server) { return std::make_unique<DimseClient>(server); }

}  // namespace cxr::pacs
