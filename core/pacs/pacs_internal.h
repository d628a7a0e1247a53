// Internal to core/pacs: the two clients and what they share.
#pragma once

#include "pacs.h"

#include <QCoreApplication>

namespace cxr::pacs {

// The translation context of core/pacs's messages ("cxr::pacs").
class PacsText {
    Q_DECLARE_TR_FUNCTIONS(cxr::pacs)
};

std::unique_ptr<Client> createDicomWebClient(const Server& server, const QString& password);
std::unique_ptr<Client> createDimseClient(const Server& server);

// Silences DCMTK's console logging (our messages say what went wrong).
void quietDcmtk();

// "N of M instances are missing: uid, uid and K more".
QString describeMissing(const QStringList& missing, int total);

}  // namespace cxr::pacs
