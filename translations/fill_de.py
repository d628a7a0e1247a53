#!/usr/bin/env python3
"""Fills translations/cxr_de.ts from the German glossary below (the project's translation memory).

Workflow: lupdate -no-obsolete core ui app -ts translations/cxr_de.ts, add the new strings to DE,
run this script; test_translations fails while any entry is unfinished.
"""
import sys
import xml.etree.ElementTree as ET

USAGE_EN = None  # matched by prefix below

DE = {
    # ---- kept from the .ts (issue 12 viewer defects)
    '%1: not a DICOM, PNG, JPEG or TIFF image':
        '%1: kein DICOM-, PNG-, JPEG- oder TIFF-Bild',
    '%1: no such file':
        '%1: Datei nicht vorhanden',
    '%1: a DICOM object without an image (no Rows, Columns or Pixel Data; no modality or SOP class either)':
        '%1: ein DICOM-Objekt ohne Bild (keine Rows, Columns oder Pixel Data; auch keine Modalität oder SOP-Klasse)',
    '%1: a DICOM object without an image (%2: no Rows, Columns or Pixel Data)':
        '%1: ein DICOM-Objekt ohne Bild (%2: keine Rows, Columns oder Pixel Data)',
    'With --screenshot: give up after <seconds> (default: wait until the image is shown and the prompts are grounded, however long it takes).':
        'Mit --screenshot: nach <seconds> Sekunden aufgeben (Vorgabe: warten, bis das Bild gezeigt und die Sätze verortet sind, wie lange es auch dauert).',
    '--timeout needs a number of seconds above 0':
        '--timeout braucht eine Zahl von Sekunden über 0',
    'gave up after %1 s (--timeout)':
        'nach %1 s aufgegeben (--timeout)',
    'Details…':
        'Details…',
    'Every problem of the model folder':
        'Jedes Problem des Modellordners',
    'Use the demo model':
        'Demo-Modell verwenden',
    'The small model bundled for trying the viewer. Its weights are random: the maps show how grounding works, not where a finding is.':
        'Das kleine mitgelieferte Modell zum Ausprobieren. Seine Gewichte sind zufällig: Die Karten zeigen, wie das Verorten funktioniert, nicht, wo ein Befund liegt.',
    'Report sentence or whole report, in English: the model reads English only (Ctrl+Enter grounds):':
        'Befundsatz oder ganzer Befund, auf Englisch: Das Modell liest nur Englisch (Strg+Eingabe verortet):',
    "Grounded prompts on this image (double-click renames, right-click for more). The heat map is the selected prompt's; every ticked prompt is outlined in its colour.":
        'Verortete Sätze auf diesem Bild (Doppelklick benennt um, Rechtsklick für mehr). Die Heatmap ist die des ausgewählten Satzes; jeder angehakte Satz wird in seiner Farbe umrandet.',
    'Model folder: %1':
        'Modellordner: %1',
    '%1 cannot be used (%n problem(s)): %2':
        ('%1 ist nicht verwendbar (%n Problem): %2', '%1 ist nicht verwendbar (%n Probleme): %2'),
    '"%1" reads as German. The model reads English only, so its map may mean little; negations such as "kein", "ohne" and "nicht" are still marked.':
        '„%1“ ist Deutsch. Das Modell liest nur Englisch, seine Karte sagt daher wenig; Verneinungen wie „kein“, „ohne“ und „nicht“ werden trotzdem markiert.',
    'All files (*)':
        'Alle Dateien (*)',
    'Images (*.dcm *.dicom *.DCM *.png *.jpg *.jpeg *.tif *.tiff)':
        'Bilder (*.dcm *.dicom *.DCM *.png *.jpg *.jpeg *.tif *.tiff)',
    'Custom (C %1 / W %2)':
        'Eigenes (Z %1 / B %2)',
    '%n file(s) could not be opened.':
        ('%n Datei konnte nicht geöffnet werden.', '%n Dateien konnten nicht geöffnet werden.'),
    '#%1  %2':
        '#%1  %2',
    # ---- trajectory cache, prepare, presets
    # ---- the viewer: images prepared before the sentence, Settings > Preparation, method presets
    'Benchmark: prepare the first image in the background, ground the prompts when it is half prepared, print the longest event-loop stalls as JSON and exit.':
        'Benchmark: das erste Bild im Hintergrund vorbereiten, die Sätze verorten, sobald es zur Hälfte vorbereitet ist, die längsten Blockaden der Ereignisschleife als JSON ausgeben und beenden.',
    "Method for this session: paper (the paper's main setting, the default) or fast (the paper's ablation setting: 100 steps, calls 40-59, layers 3-8).":
        'Methode für diese Sitzung: paper (die Haupteinstellung der Veröffentlichung, Standard) oder fast (die Ablations-Einstellung der Veröffentlichung: 100 Schritte, Aufrufe 40-59, Schichten 3-8).',
    " (Fast: the paper's ablation setting)": ' (Schnell: die Ablations-Einstellung der Veröffentlichung)',
    'Stops the running sentence, the queued ones and the preparation in the background; what is prepared is kept':
        'Hält den laufenden Satz, die wartenden und die Vorbereitung im Hintergrund an; was vorbereitet ist, bleibt erhalten',
    '%1 s': '%1 s',
    '%1 min': '%1 min',
    'Ready (prepared earlier, kept on disk)': 'Bereit (früher vorbereitet, auf der Festplatte gespeichert)',
    'Ready': 'Bereit',
    '%1: this image is prepared.': '%1: dieses Bild ist vorbereitet.',
    '%1: a sentence takes under a second.': '%1: ein Satz dauert weniger als eine Sekunde.',
    '%1: a sentence takes about %2.': '%1: ein Satz dauert etwa %2.',
    'Preparing this image: %1 %, paused: your sentence goes first.': 'Dieses Bild wird vorbereitet: %1 %, angehalten: Ihr Satz geht vor.',
    'Preparing this image: %1 %': 'Dieses Bild wird vorbereitet: %1 %',
    'Preparing this image: %1 %, about %2 left': 'Dieses Bild wird vorbereitet: %1 %, noch etwa %2',
    'Cancelled: %1 % of this image is prepared and kept. Preparing goes on when you ground a sentence or show the image again.':
        'Abgebrochen: %1 % dieses Bildes sind vorbereitet und bleiben erhalten. Die Vorbereitung geht weiter, wenn Sie einen Satz verorten oder das Bild erneut zeigen.',
    'Preparing this image failed: %1': 'Die Vorbereitung dieses Bildes ist fehlgeschlagen: %1',
    '%1 % of this image is prepared (preparing in the background is off in Settings).':
        '%1 % dieses Bildes sind vorbereitet (die Vorbereitung im Hintergrund ist in den Einstellungen aus).',
    'Cancelled: %1 % of this image is prepared and kept.': 'Abgebrochen: %1 % dieses Bildes sind vorbereitet und bleiben erhalten.',
    'Next images of the study: %1 of %2 prepared.': 'Nächste Bilder der Studie: %1 von %2 vorbereitet.',
    'The disk cache could not be used (prepared images stay in memory only): %1':
        'Der Cache auf der Festplatte konnte nicht verwendet werden (vorbereitete Bilder bleiben nur im Speicher): %1',
    'The preparation failed: %1': 'Die Vorbereitung ist fehlgeschlagen: %1',
    'Preset': 'Voreinstellung',
    'Paper (main setting)': 'Veröffentlichung (Haupteinstellung)',
    '300 steps, calls 120-179, layers 3, 4, 6, 7, Otsu mask. The paper reports mIoU 22.8 % and |CNR| 0.92 (Table I, average of 8 classes). UNet calls: 180 for the first sentence on an image, 60 for each further one.':
        '300 Schritte, Aufrufe 120-179, Schichten 3, 4, 6, 7, Otsu-Maske. Die Veröffentlichung berichtet mIoU 22,8 % und |CNR| 0,92 (Tabelle I, Mittel über 8 Klassen). UNet-Aufrufe: 180 für den ersten Satz auf einem Bild, 60 für jeden weiteren.',
    "Fast (the paper's ablation setting)": 'Schnell (die Ablations-Einstellung der Veröffentlichung)',
    '100 steps, calls 40-59, layers 3-8, Otsu mask. The paper reports mIoU 20.4 % and CNR 0.75 (Table II, last row, average of 8 classes). UNet calls: 60 for the first sentence, 20 for each further one: about three times faster.':
        '100 Schritte, Aufrufe 40-59, Schichten 3-8, Otsu-Maske. Die Veröffentlichung berichtet mIoU 20,4 % und CNR 0,75 (Tabelle II, letzte Zeile, Mittel über 8 Klassen). UNet-Aufrufe: 60 für den ersten Satz, 20 für jeden weiteren: etwa dreimal so schnell.',
    'Custom': 'Eigene',
    'The settings below.': 'Die Einstellungen unten.',
    'Preparing images before the sentence': 'Bilder vor dem Satz vorbereiten',
    "The costly part of grounding, the image's inversion, does not depend on the sentence. The viewer computes it in the background as soon as an image is shown; a sentence then costs only the attention window's passes. A sentence you ask for always goes first.":
        'Der teure Teil der Verortung, die DDIM-Inversion des Bildes, hängt nicht vom Satz ab. Der Betrachter berechnet sie im Hintergrund, sobald ein Bild gezeigt wird; ein Satz kostet dann nur noch die Durchläufe des Attention-Fensters. Ein Satz, den Sie verorten lassen, geht immer vor.',
    'Prepare the shown image in the background': 'Das gezeigte Bild im Hintergrund vorbereiten',
    'The images after the shown one in its study, series by series. Without the disk cache at most %1 are kept.':
        'Die Bilder nach dem gezeigten in seiner Studie, Serie für Serie. Ohne den Cache auf der Festplatte werden höchstens %1 behalten.',
    'Also prepare the next images of the study:': 'Auch die nächsten Bilder der Studie vorbereiten:',
    'Disk cache of prepared images': 'Cache vorbereiteter Bilder auf der Festplatte',
    'Keep prepared images on disk (after a restart too, shared with cxr-ground)':
        'Vorbereitete Bilder auf der Festplatte behalten (auch nach einem Neustart, gemeinsam mit cxr-ground)',
    'Empty: the default folder, %1': 'Leer: der Standardordner, %1',
    'Location:': 'Ort:',
    ' MiB': ' MiB',
    "The least recently used images are removed first. An image at the paper's setting takes about 8.6 MB.":
        'Die am längsten nicht benutzten Bilder werden zuerst entfernt. Ein Bild in der Einstellung der Veröffentlichung belegt etwa 8,6 MB.',
    'Size limit:': 'Größengrenze:',
    'Clear': 'Leeren',
    'Removes every prepared image from the disk cache (they are prepared again when needed)':
        'Entfernt alle vorbereiteten Bilder aus dem Cache auf der Festplatte (sie werden bei Bedarf neu vorbereitet)',
    'Now:': 'Jetzt:',
    'Cache folder': 'Cache-Ordner',
    'Clearing…': 'Wird geleert…',
    'Counting…': 'Wird gezählt…',
    '%1 MB in %n image(s)': ('%1 MB in %n Bild', '%1 MB in %n Bildern'),
    'Not everything could be removed: %1': 'Nicht alles konnte entfernt werden: %1',
    'Preparation': 'Vorbereitung',
    '--preset must be paper or fast (got "%1")': '--preset muss paper oder fast sein (erhalten: „%1“)',
    '--cache-dir needs a folder': '--cache-dir braucht einen Ordner',
    '--cache-max-mb needs a size in MiB (got "%1")': '--cache-max-mb braucht eine Größe in MiB (erhalten: „%1“)',
    'prepare needs --model DIR --image IN [--image IN ...]': 'prepare braucht --model ORDNER --image EINGABE [--image EINGABE ...]',
    'prepare fills the trajectory cache: --no-cache makes no sense here':
        'prepare füllt den Trajektorien-Cache: --no-cache ergibt hier keinen Sinn',
    # ---- engine settings, devices, failed samples
    'unknown device "%1": use cpu, cuda or cuda:N': 'unbekanntes Gerät „%1“: cpu, cuda oder cuda:N verwenden',
    '--device %1: this build has no CUDA support or the machine has no usable NVIDIA GPU; use --device cpu':
        '--device %1: dieser Build hat keine CUDA-Unterstützung oder der Rechner keine nutzbare NVIDIA-GPU; --device cpu verwenden',
    '--device %1 does not exist: this machine has cuda:0 .. cuda:%2':
        '--device %1 gibt es nicht: dieser Rechner hat cuda:0 .. cuda:%2',
    '--ablate %1 runs at %2 steps, as the paper did; leave out --steps %3':
        '--ablate %1 läuft mit %2 Schritten wie im Paper; --steps %3 weglassen',
    ', %1 failed before and retried': ', %1 zuvor fehlgeschlagen und erneut versucht',
    ', %1 failed': ', %1 fehlgeschlagen',
    ', %1 failed (evaluate --resume retries them)': ', %1 fehlgeschlagen (evaluate --resume versucht sie erneut)',
    'bf16 and fp16 are offered on CUDA devices that run them.': 'bf16 und fp16 gibt es auf CUDA-Geräten, die sie rechnen können.',
    # ---- issue 12: reading tools, layouts, --steps
    "Inversion steps for the --prompt sentences (default: the method settings, the paper's 300); not remembered.":
        'Inversionsschritte für die --prompt-Sätze (Standard: die Methodeneinstellungen, 300 wie im Paper); wird nicht gespeichert.',
    '--steps needs a number of steps from 2 to 1000': '--steps braucht eine Schrittzahl von 2 bis 1000',
    "About the heart's size: measure the cardiothoracic ratio (C: two widths, heart then thorax).":
        'Zur Herzgröße: den kardiothorakalen Quotienten messen (C: zwei Breiten, erst Herz, dann Thorax).',
    'Measured on this image: %1': 'Auf diesem Bild gemessen: %1',
    'Window &presets': 'Fenster&vorgaben',
    '&Layout': '&Anordnung',
    '&Measure': '&Messen',
    'Default of the file': 'Vorgabe der Datei',
    'Lung': 'Lunge',
    'Mediastinum': 'Mediastinum',
    'Bone': 'Knochen',
    'Window %1: %2': 'Fenster %1: %2',
    'Window preset %1': 'Fenstervorgabe %1',
    'Measure &distance': '&Strecke messen',
    'Distance: drag from one end to the other.': 'Strecke: von einem Ende zum anderen ziehen.',
    'Measure &angle': '&Winkel messen',
    'Angle: drag the first arm towards the vertex, then click the end of the second arm.':
        'Winkel: den ersten Schenkel zum Scheitel ziehen, dann das Ende des zweiten Schenkels anklicken.',
    '&Rectangle region': '&Rechteck-Region',
    'Rectangle: drag from one corner to the other (area, mean, SD).':
        'Rechteck: von einer Ecke zur anderen ziehen (Fläche, Mittelwert, SD).',
    '&Ellipse region': '&Ellipsen-Region',
    'Ellipse: drag its bounding box (area, mean, SD).': 'Ellipse: ihr umschließendes Rechteck ziehen (Fläche, Mittelwert, SD).',
    '&Cardiothoracic ratio': '&Kardiothorakaler Quotient',
    'Cardiothoracic ratio: drag the widest width of the heart, then the widest inner width of the thorax (both kept level).':
        'Kardiothorakaler Quotient: die größte Herzbreite ziehen, dann die größte innere Thoraxbreite (beide waagerecht gehalten).',
    'Esc leaves the tool.': 'Esc beendet das Werkzeug.',
    'Show &measurements': '&Messungen zeigen',
    'Image &information (corner text, orientation)': 'Bild&informationen (Ecktexte, Orientierung)',
    'Next image': 'Nächstes Bild',
    'Previous image': 'Vorheriges Bild',
    'Next series': 'Nächste Serie',
    'Previous series': 'Vorherige Serie',
    'Go to the sentence box': 'Zum Satzfeld',
    '&Single image': '&Einzelbild',
    'Current and &prior study': 'Aktuelle und &Voruntersuchung',
    'Ctrl+Shift+P': 'Ctrl+Shift+P',
    'PA and &lateral': 'PA und &seitlich',
    'Ctrl+Shift+L': 'Ctrl+Shift+L',
    ' (AP view: the heart is magnified)': ' (AP-Aufnahme: das Herz ist vergrößert abgebildet)',
    'This is the last image of the open studies.': 'Das ist das letzte Bild der geöffneten Untersuchungen.',
    'This is the first image of the open studies.': 'Das ist das erste Bild der geöffneten Untersuchungen.',
    'This is the last series of the open studies.': 'Das ist die letzte Serie der geöffneten Untersuchungen.',
    'This is the first series of the open studies.': 'Das ist die erste Serie der geöffneten Untersuchungen.',
    'No prior study of this patient among the open studies.': 'Keine Voruntersuchung dieses Patienten unter den geöffneten Untersuchungen.',
    'No PA / lateral pair in this study (View Position PA or AP, and LL or RL).':
        'Kein PA-/Seitenpaar in dieser Untersuchung (View Position PA oder AP, und LL oder RL).',
    'Current': 'Aktuell',
    'No other view of this study.': 'Keine andere Projektion dieser Untersuchung.',
    'Prior': 'Vorher',
    'Measurements': 'Messungen',
    'Measurement': 'Messung',
    'Double-click or F2 names a measurement; Delete removes it': 'Doppelklick oder F2 benennt eine Messung; Entf löscht sie',
    'Delete': 'Löschen',
    'Delete all': 'Alle löschen',
    'Patient name': 'Patientenname',
    'Birth date and sex': 'Geburtsdatum und Geschlecht',
    'Study date': 'Untersuchungsdatum',
    'Accession number': 'Auftragsnummer',
    'Series and instance': 'Serie und Bild',
    'View position': 'Projektion',
    'Window': 'Fenster',
    'Zoom': 'Zoom',
    'ID %1': 'ID %1',
    'born %1': 'geb. %1',
    'Acc %1': 'Auftr. %1',
    'Se %1  Im %2': 'Se %1  Bi %2',
    'Se %1': 'Se %1',
    'Distance': 'Strecke',
    'Angle': 'Winkel',
    'Rectangle': 'Rechteck',
    'Ellipse': 'Ellipse',
    'Cardiothoracic ratio': 'Kardiothorakaler Quotient',
    'mm': 'mm',
    'px': 'px',
    'mm²': 'mm²',
    'px²': 'px²',
    '%1°': '%1°',
    'area %1 %2': 'Fläche %1 %2',
    'mean %1  SD %2': 'Mittel %1  SD %2',
    'CTR %1': 'CTR %1',
    'heart %1 / thorax %2': 'Herz %1 / Thorax %2',
    'No pixel spacing in the file: lengths in pixels.': 'Kein Pixelabstand in der Datei: Längen in Pixeln.',
    'Imager Pixel Spacing: mm at the detector, not calibrated (the patient is magnified).':
        'Imager Pixel Spacing: mm am Detektor, nicht kalibriert (der Patient ist vergrößert abgebildet).',
    'Corner text of the image (T shows or hides it with the orientation markers)':
        'Ecktexte des Bildes (T zeigt oder verbirgt sie mit den Orientierungsmarken)',
    'Current study and prior (same patient)': 'Aktuelle Untersuchung und Voruntersuchung (derselbe Patient)',
    'PA and lateral (same study)': 'PA und seitlich (dieselbe Untersuchung)',
    'Zoom and pan follow each other; the cursor is marked on the other side':
        'Zoom und Verschieben folgen einander; der Mauszeiger wird auf der anderen Seite markiert',
    'Zoom, pan and window follow each other': 'Zoom, Verschieben und Fenster folgen einander',
    "The text has %1 sentences; at most %2 are grounded at once. Paste one report, or a part of it.":
        "Der Text hat %1 Sätze; höchstens %2 werden auf einmal verortet. Fügen Sie einen Befund oder einen Teil davon ein.",
    "%1 sentences at once are too many; at most %2 are grounded in one request.":
        "%1 Sätze auf einmal sind zu viele; höchstens %2 werden in einem Auftrag verortet.",
    'Box editing: drag on the image to draw a box, drag a box or its handles to move or resize it, double-click a box to name its sentence, Delete removes the selected box. D ends editing.':
        'Boxen bearbeiten: auf dem Bild ziehen zeichnet eine Box, eine Box oder ihre Griffe ziehen verschiebt sie oder ändert ihre Größe, Doppelklick auf eine Box benennt ihren Satz, Entf löscht die gewählte Box. D beendet die Bearbeitung.',
    'Box label': 'Box-Beschriftung',
    'Sentence this box belongs to (empty: none):': 'Satz, zu dem diese Box gehört (leer: keiner):',
    # ---- ablations
    '--ablate: "%1" is not a layer list (e.g. layers=3,4,6,7 or layers=all)':
        '--ablate: „%1“ ist keine Schichtliste (z. B. layers=3,4,6,7 oder layers=all)',
    '--ablate: "%1" names no layer': '--ablate: „%1“ nennt keine Schicht',
    '--ablate: "%1" is not a window A:B with A < B (calls, end exclusive)':
        '--ablate: „%1“ ist kein Fenster A:B mit A < B (Aufrufe, Ende ausgeschlossen)',
    '--ablate: unknown setting "%1" (layers=..., window=A:B, otsu=on|off, or default)':
        '--ablate: unbekannte Einstellung „%1“ (layers=..., window=A:B, otsu=on|off oder default)',
    '--ablate needs at least one setting, e.g. "default" or "layers=3; window=60:120"':
        '--ablate braucht mindestens eine Einstellung, z. B. "default" oder "layers=3; window=60:120"',
    '# Ablations (Table II layout)\n\nEach row: the mean ± std over the category means (categories with samples), computed from one recording of every layer at every call.\n\n':
        '# Ablationen (Aufbau von Tabelle II)\n\nJede Zeile: Mittelwert ± Standardabweichung über die Kategorie-Mittelwerte (Kategorien mit Fällen), berechnet aus einer Aufzeichnung jeder Schicht bei jedem Aufruf.\n\n',
    '| Setting | N |': '| Einstellung | N |',
    '--ablate %1: %2': '--ablate %1: %2',
    # ---- session 3: evaluate/merge/metrics/export commands, picture export, compare grid
    '%1: cannot write the file (folder not writable or disk full?)':
        '%1: die Datei kann nicht geschrieben werden (Ordner schreibgeschützt oder Datenträger voll?)',
    'not a JSON object': 'kein JSON-Objekt',
    'no "%1" text': 'kein Textfeld „%1“',
    'no "%1" number': 'kein Zahlenfeld „%1“',
    '%1: cannot read the file': '%1: die Datei kann nicht gelesen werden',
    '%1: line %2 is incomplete (%3 bytes, an interrupted run); it is dropped and its sample evaluated again':
        '%1: Zeile %2 ist unvollständig (%3 Bytes, ein unterbrochener Lauf); sie wird verworfen und ihr Fall erneut ausgewertet',
    '%1: line %2 is not a valid result (%3); remove or fix that line':
        '%1: Zeile %2 ist kein gültiges Ergebnis (%3); diese Zeile entfernen oder korrigieren',
    '%1: line %2: the sample %3 ("%4") appears twice': '%1: Zeile %2: der Fall %3 („%4“) kommt doppelt vor',
    'steps %1, window %2:%3, layers %4, Otsu %5, precision %6%7':
        'Schritte %1, Fenster %2:%3, Schichten %4, Otsu %5, Genauigkeit %6%7',
    'on': 'an',
    'off': 'aus',
    ', split %1': ', Aufteilung %1',
    '# MS-CXR phrase grounding (Table I layout)\n\n': '# MS-CXR-Phrase-Grounding (Aufbau wie Tabelle I)\n\n',
    '%1 sample(s) evaluated, %2 skipped. Method: %3.\n\n':
        'Ausgewertete Fälle: %1, übersprungen: %2. Methode: %3.\n\n',
    'Per category: mean ± std over its samples. mIoU and AUC-ROC in %; AUC-ROC is the binned AUC of the reference (5 thresholds), AUC-ROC (exact) the unbinned one. The last two rows are the mean and the std over the category means (population std).\n\n':
        'Je Kategorie: Mittelwert ± Standardabweichung über ihre Fälle. mIoU und AUC-ROC in %; AUC-ROC ist die klassierte AUC der Referenz (5 Schwellwerte), AUC-ROC (exakt) die nicht klassierte. Die letzten beiden Zeilen sind Mittelwert und Standardabweichung über die Kategorie-Mittelwerte (Standardabweichung der Grundgesamtheit).\n\n',
    '| Category | N |': '| Kategorie | N |',
    '| **Mean over categories** | %1 |': '| **Mittelwert über die Kategorien** | %1 |',
    '| **Std over categories** | |': '| **Standardabweichung über die Kategorien** | |',
    '\nOnly %1 of the 8 categories have samples: the rows over categories use those.\n':
        '\nNur %1 der 8 Kategorien haben Fälle: die Zeilen über die Kategorien verwenden nur diese.\n',
    '\nSamples of other categories (not in the table): %1\n': '\nFälle anderer Kategorien (nicht in der Tabelle): %1\n',
    '\n## Skipped samples (%1)\n\n': '\n## Übersprungene Fälle (%1)\n\n',
    # 'Mean' and the chart title are drawn with OpenCV's Hershey font: ASCII only (no umlauts)
    'Mean': 'Mittelwert',
    'MS-CXR: per-category means (N = %1 samples)': 'MS-CXR: Mittelwerte je Kategorie (Stichprobenumfang N = %1)',
    'cannot draw the summary chart': 'das Übersichtsdiagramm kann nicht gezeichnet werden',
    '%1: not a valid JSON object (%2)': '%1: kein gültiges JSON-Objekt (%2)',
    'bad box "%1": a box is x,y,w,h (integer pixels), boxes are separated by \';\'':
        'ungültige Box „%1“: eine Box ist x,y,w,h (ganze Pixel), Boxen werden durch \';\' getrennt',
    'bad box "%1": x and y must be >= 0, w and h > 0': 'ungültige Box „%1“: x und y müssen >= 0 sein, w und h > 0',
    '--boxes needs at least one box x,y,w,h': '--boxes braucht mindestens eine Box x,y,w,h',
    'metrics needs --heatmap H.npy --boxes "x,y,w,h;x,y,w,h"': 'metrics braucht --heatmap H.npy --boxes "x,y,w,h;x,y,w,h"',
    '%1: expected a 2-D map (height x width), found %2 dimension(s)':
        '%1: 2-D-Karte (Höhe x Breite) erwartet, %2 Dimension(en) gefunden',
    '%1: expected a float32 map': '%1: float32-Karte erwartet',
    'box %1,%2,%3,%4 lies outside the %5x%6 map': 'Box %1,%2,%3,%4 liegt außerhalb der %5x%6-Karte',
    'evaluate needs --model DIR --csv FILE --images ROOT --out DIR':
        'evaluate braucht --model ORDNER --csv DATEI --images STAMMORDNER --out ORDNER',
    '--shard needs K/N with 1 <= K <= N, e.g. 2/8 (got "%1")': '--shard braucht K/N mit 1 <= K <= N, z. B. 2/8 (erhalten: „%1“)',
    '--limit needs a positive number (got "%1")': '--limit braucht eine positive Zahl (erhalten: „%1“)',
    '%1: the image folder does not exist': '%1: der Bildordner existiert nicht',
    '%1 already holds results: add --resume to continue that run, or choose another --out folder':
        '%1 enthält bereits Ergebnisse: --resume angeben, um diesen Lauf fortzusetzen, oder einen anderen --out-Ordner wählen',
    '--resume with other method settings than the run in %1: %2':
        '--resume mit anderen Methodeneinstellungen als der Lauf in %1: %2',
    '%1 holds the sample %2 ("%3") that this run does not select (another --csv, --split, --shard or --limit?)':
        '%1 enthält den Fall %2 („%3“), den dieser Lauf nicht auswählt (anderes --csv, --split, --shard oder --limit?)',
    '%1: cannot truncate the incomplete last line': '%1: die unvollständige letzte Zeile kann nicht abgeschnitten werden',
    ', %1 already finished': ', %1 bereits fertig',
    '%1: cannot open the file for writing': '%1: die Datei kann nicht zum Schreiben geöffnet werden',
    'unknown': 'unbekannt',
    'image file not found (%1)': 'Bilddatei nicht gefunden (%1)',
    'image file not found (%1 or %2)': 'Bilddatei nicht gefunden (%1 oder %2)',
    'cannot read the image: %1': 'das Bild kann nicht gelesen werden: %1',
    'the image is %1x%2 but the CSV gives %3x%4 (boxes would not fit)':
        'das Bild ist %1x%2, die CSV nennt aber %3x%4 (die Boxen würden nicht passen)',
    'grounding failed: %1': 'Verortung fehlgeschlagen: %1',
    '%1: cannot write (disk full?)': '%1: Schreiben nicht möglich (Datenträger voll?)',
    'merge needs OUT DIR... (or --out OUT DIR...)': 'merge braucht AUSGABE ORDNER... (oder --out AUSGABE ORDNER...)',
    '%1: the output folder cannot be one of the inputs': '%1: der Ausgabeordner darf keine der Eingaben sein',
    '%1: no results.jsonl (not an evaluate output folder)': '%1: keine results.jsonl (kein Ausgabeordner von evaluate)',
    '%1: no summary.json: that run did not finish; finish it with evaluate --resume':
        '%1: keine summary.json: dieser Lauf wurde nicht beendet; mit evaluate --resume zu Ende führen',
    '%1 was run with other method settings than %2: %3': '%1 lief mit anderen Methodeneinstellungen als %2: %3',
    '%1; finish that run with evaluate --resume first': '%1; diesen Lauf zuerst mit evaluate --resume zu Ende führen',
    'the sample %1 ("%2") is in several folders with different metrics (%3 among them): overlapping shards of different runs?':
        'der Fall %1 („%2“) liegt in mehreren Ordnern mit unterschiedlichen Metriken (darunter %3): überlappende Shards verschiedener Läufe?',
    ' (%1 duplicate(s) counted once)': ' (%1 Duplikat(e) einfach gezählt)',
    '%1 steps, calls %2-%3, layers %4%5': '%1 Schritte, Aufrufe %2-%3, Schichten %4%5',
    '--prompt needs a sentence (it was empty)': '--prompt braucht einen Satz (er war leer)',
    'export needs --model DIR --image IN --prompt TEXT [--prompt TEXT ...] --out FILE':
        'export braucht --model ORDNER --image EINGABE --prompt TEXT [--prompt TEXT ...] --out DATEI',
    '--format must be png, jpg or dcm (or give the output file one of these extensions)':
        '--format muss png, jpg oder dcm sein (oder der Ausgabedatei eine dieser Endungen geben)',
    'PNG and JPEG exports never carry patient data; --anonymise only changes DICOM output':
        'PNG- und JPEG-Exporte enthalten nie Patientendaten; --anonymise wirkt nur auf DICOM-Ausgaben',
    '--grid needs RxC with at most 6 cells, e.g. 2x2': '--grid braucht ZxS (Zeilen x Spalten) mit höchstens 6 Zellen, z. B. 2x2',
    '--grid %1 has %2 cells for %3 prompts': '--grid %1 hat %2 Zellen für %3 Sätze',
    'at most 6 prompts fit in one grid': 'höchstens 6 Sätze passen in ein Raster',
    '--colour-map must be inferno, viridis or jet': '--colour-map muss inferno, viridis oder jet sein',
    '--opacity needs a number from 0 to 1': '--opacity braucht eine Zahl von 0 bis 1',
    '--mask must be outline, fill or off': '--mask muss outline, fill oder off sein',
    'CXR Ground heat map: %1': 'CXR-Ground-Heatmap: %1',
    'Zero-shot phrase grounding heat map burned in; %1; model %2%3. Research use - not for diagnosis.':
        'Heatmap des Zero-Shot-Phrase-Groundings eingebrannt; %1; Modell %2%3. Nur für die Forschung - nicht zur Diagnose.',
    ' (demo model, random weights)': ' (Demo-Modell, Zufallsgewichte)',
    'Research use - not for diagnosis. CXR Ground, zero-shot phrase grounding.':
        'Nur für die Forschung - nicht zur Diagnose. CXR Ground, Zero-Shot-Phrase-Grounding.',
    '  (negated)': '  (verneint)',
    'Demo model with random weights: this map means nothing.': 'Demo-Modell mit Zufallsgewichten: diese Karte bedeutet nichts.',
    'Cannot write %1: a file with that name already exists.':
        '%1 kann nicht geschrieben werden: eine Datei mit diesem Namen existiert bereits.',
    'Cannot write %1: no temporary file could be created in the folder %2.':
        '%1 kann nicht geschrieben werden: im Ordner %2 konnte keine temporäre Datei angelegt werden.',
    'Cannot write %1: the disk is full.': '%1 kann nicht geschrieben werden: der Datenträger ist voll.',
    'Cannot write %1: the folder %2 is not writable (permission denied).':
        '%1 kann nicht geschrieben werden: der Ordner %2 ist nicht beschreibbar (keine Berechtigung).',
    'Cannot write %1: the folder %2 is on a read-only disk.':
        '%1 kann nicht geschrieben werden: der Ordner %2 liegt auf einem schreibgeschützten Datenträger.',
    'Cannot write %1: the folder %2 does not exist.': '%1 kann nicht geschrieben werden: der Ordner %2 existiert nicht.',
    'Cannot write %1: a part of the folder path %2 is not a folder.':
        '%1 kann nicht geschrieben werden: ein Teil des Ordnerpfads %2 ist kein Ordner.',
    'Cannot write %1: a folder with that name exists.':
        '%1 kann nicht geschrieben werden: es existiert ein Ordner mit diesem Namen.',
    'Cannot write %1: the file name is too long.': '%1 kann nicht geschrieben werden: der Dateiname ist zu lang.',
    'Cannot write %1: %2.': '%1 kann nicht geschrieben werden: %2.',
    'No file name was given.': 'Es wurde kein Dateiname angegeben.',
    'Cannot write %1: %2 is a file, not a folder.': '%1 kann nicht geschrieben werden: %2 ist eine Datei, kein Ordner.',
    'Cannot write %1: the image is empty.': '%1 kann nicht geschrieben werden: das Bild ist leer.',
    'Cannot write %1: the image format "%2" is not supported (PNG or JPEG).':
        '%1 kann nicht geschrieben werden: das Bildformat „%2“ wird nicht unterstützt (PNG oder JPEG).',
    'Cannot write %1: not enough memory for the image.':
        '%1 kann nicht geschrieben werden: nicht genug Speicher für das Bild.',
    'Cannot write %1: the image cannot be encoded (%2).':
        '%1 kann nicht geschrieben werden: das Bild kann nicht kodiert werden (%2).',
    'Cannot write %1: the image (%2 x %3) is too large for DICOM (at most 65535 x 65535).':
        '%1 kann nicht geschrieben werden: das Bild (%2 x %3) ist zu groß für DICOM (höchstens 65535 x 65535).',
    'Cannot read the source DICOM file %1: %2.': 'Die DICOM-Quelldatei %1 kann nicht gelesen werden: %2.',
    'Cannot convert the texts of %1 (character set %2) to UTF-8: %3.':
        'Die Texte von %1 (Zeichensatz %2) können nicht nach UTF-8 umgewandelt werden: %3.',
    'Cannot write %1: the source %2 has no frame %3.': '%1 kann nicht geschrieben werden: die Quelle %2 hat kein Bild %3.',
    'Cannot write %1: the DICOM data set could not be built (out of memory?).':
        '%1 kann nicht geschrieben werden: der DICOM-Datensatz konnte nicht erstellt werden (Speicher voll?).',
    'Layout:': 'Anordnung:',
    "Ground more sentences into the grid (separate them with ';'), Enter":
        "Weitere Sätze im Raster verorten (mit ';' trennen), Eingabetaste",
    'Add grounded prompts with the Grounding panel\'s "Compare" (right-click a prompt), or type sentences above.':
        'Verortete Sätze über „Im Raster vergleichen“ im Grounding-Bereich hinzufügen (Rechtsklick auf einen Satz) oder oben Sätze eingeben.',
    'linked': 'verknüpft',
    'Zoom, pan and window follow the other linked cells': 'Zoom, Verschiebung und Fensterung folgen den anderen verknüpften Zellen',
    'Remove from the grid': 'Aus dem Raster entfernen',
    'Metrics: computing…': 'Metriken: wird berechnet…',
    '|CNR| %1  CNR %2  mIoU %3 %  AUC %4 % (%5)': '|CNR| %1  CNR %2  mIoU %3 %  AUC %4 % (%5)',
    'Report sentence or whole report (Ctrl+Enter grounds):': 'Befundsatz oder ganzer Befund (Strg+Eingabe verortet):',
    'e.g. Small left pleural effusion — or paste a whole report: every sentence is grounded':
        'z. B. Kleiner Pleuraerguss links — oder einen ganzen Befund einfügen: jeder Satz wird verortet',
    'Negated ("%1"): the sentence denies a finding; the map shows where the words point, not a finding.\n':
        'Verneint („%1“): der Satz verneint einen Befund; die Karte zeigt, worauf die Wörter verweisen, keinen Befund.\n',
    'Ground %n sentences': ('%n Satz verorten', '%n Sätze verorten'),
    'Compare in the grid (%n prompt(s))': ('Im Raster vergleichen (%n Satz)', 'Im Raster vergleichen (%n Sätze)'),
    '&Compare grid': '&Vergleichsraster',
    'Ctrl+G': 'Ctrl+G',
    '&Export image…': 'Bild e&xportieren…',
    'Ctrl+E': 'Ctrl+E',
    'Export every prompt of this image…': 'Jeden Satz dieses Bildes exportieren…',
    'Ctrl+Shift+E': 'Ctrl+Shift+E',
    'The grid is full (%1 cells): remove a cell first.': 'Das Raster ist voll (%1 Zellen): zuerst eine Zelle entfernen.',
    'The compare grid is empty.': 'Das Vergleichsraster ist leer.',
    '%1 (word "%2")': '%1 (Wort „%2“)',
    'compare grid of %n prompt(s)': ('Vergleichsraster mit %n Satz', 'Vergleichsraster mit %n Sätzen'),
    'image': 'Bild',
    'Zero-shot phrase grounding (latent diffusion cross-attention) burned into the image; %1; model %2%3. Research use - not for diagnosis.':
        'Zero-Shot-Phrase-Grounding (Cross-Attention der Latent Diffusion) in das Bild eingebrannt; %1; Modell %2%3. Nur für die Forschung - nicht zur Diagnose.',
    'No grounded prompt on this image to export.': 'Auf diesem Bild gibt es keinen verorteten Satz zum Exportieren.',
    '%n picture(s) written to %1.': ('%n Bild in %1 gespeichert.', '%n Bilder in %1 gespeichert.'),
    'Export the compare grid': 'Das Vergleichsraster exportieren',
    'Export the image': 'Das Bild exportieren',
    'PNG image': 'PNG-Bild',
    'JPEG image': 'JPEG-Bild',
    'DICOM Secondary Capture (into the study)': 'DICOM Secondary Capture (in die Studie)',
    'Original image resolution': 'Originalauflösung des Bildes',
    'As on screen': 'Wie auf dem Bildschirm',
    'Anonymise (remove patient identifiers from the DICOM)': 'Anonymisieren (Patientenkennungen aus dem DICOM entfernen)',
    'Format:': 'Format:',
    'Resolution:': 'Auflösung:',
    "Exactly the visible layers and measurements are burned in, every ticked prompt's outline in its colour, with the prompt, the colour bar and \"Research use - not for diagnosis\". PNG and JPEG files carry no metadata.":
        'Genau die sichtbaren Ebenen und Messungen werden eingebrannt, der Umriss jedes angehakten Satzes in seiner Farbe, mit dem Satz, der Farbleiste und „Nur für die Forschung - nicht zur Diagnose“. PNG- und JPEG-Dateien enthalten keine Metadaten.',
    'PNG images (*.png)': 'PNG-Bilder (*.png)',
    'JPEG images (*.jpg *.jpeg)': 'JPEG-Bilder (*.jpg *.jpeg)',
    'DICOM files (*.dcm)': 'DICOM-Dateien (*.dcm)',
    'Export': 'Exportieren',
    'Exported to %1': 'Exportiert nach %1',
    'Folder for the pictures': 'Ordner für die Bilder',
    'Replace files?': 'Dateien ersetzen?',
    '%n picture(s) exist already in %1:\n%2\nReplace them?': (
        '%n Bild existiert bereits in %1:\n%2\nErsetzen?',
        '%n Bilder existieren bereits in %1:\n%2\nErsetzen?'),
    # ---- session 2: prompt list, overlays, boxes, model settings, download
    '%1 kB': '%1 kB',
    '%1 MB': '%1 MB',
    '%1 GB': '%1 GB',
    'Benchmark: ground the prompts, print the longest event-loop stall as JSON and exit.':
        'Benchmark: die Sätze verorten, die längste Blockade der Ereignisschleife als JSON ausgeben und beenden.',
    '--bench-stall needs --model and --prompt': '--bench-stall braucht --model und --prompt',
    'Download the model': 'Das Modell herunterladen',
    'Downloads the MONAI chest X-ray latent diffusion bundle and the Stable Diffusion 2.1 text encoder and tokenizer (about 2.5 GB) from their official locations (Settings > Model names mirrors). An interrupted download resumes where it stopped; the model folder appears only when every file is complete.':
        'Lädt das MONAI-Latent-Diffusion-Bundle für Thoraxaufnahmen sowie Text-Encoder und Tokenizer von Stable Diffusion 2.1 (etwa 2,5 GB) von ihren offiziellen Adressen (Spiegelserver unter Einstellungen > Modell). Ein unterbrochener Download wird dort fortgesetzt, wo er stehen blieb; der Modellordner erscheint erst, wenn jede Datei vollständig ist.',
    'Save to:': 'Speichern unter:',
    'Browse…': 'Durchsuchen…',
    'Download': 'Herunterladen',
    'Close': 'Schließen',
    'A previous download into this folder was interrupted; it will resume.':
        'Ein früherer Download in diesen Ordner wurde unterbrochen; er wird fortgesetzt.',
    'Parent folder of the model': 'Übergeordneter Ordner des Modells',
    'Choose where to save the model.': 'Wählen, wo das Modell gespeichert wird.',
    'Cannot create the folder %1.': 'Der Ordner %1 kann nicht angelegt werden.',
    'Pause': 'Pause',
    'Connecting…': 'Verbindung wird aufgebaut…',
    'File %1 of %2: %3': 'Datei %1 von %2: %3',
    ', about %1 min left': ', noch etwa %1 min',
    '%1 of %2 at %3/s%4': '%1 von %2 mit %3/s%4',
    'Resume': 'Fortsetzen',
    'The model is complete in %1.': 'Das Modell liegt vollständig in %1.',
    '%1 steps, calls %2-%3, layers %4': '%1 Schritte, Aufrufe %2-%3, Schichten %4',
    ', no Otsu': ', ohne Otsu',
    'Download model…': 'Modell herunterladen…',
    'Method…': 'Methode…',
    'Inversion steps, attention window, layers and Otsu mask for new prompts':
        'Inversionsschritte, Attention-Fenster, Schichten und Otsu-Maske für neue Sätze',
    'Grounded prompts on this image (double-click renames, right-click for more):':
        'Verortete Sätze auf diesem Bild (Doppelklick benennt um, Rechtsklick für mehr):',
    'Heat map': 'Heatmap',
    'Heat values at or below this are transparent': 'Heatmap-Werte bis zu diesem Wert sind durchsichtig',
    'Hide below:': 'Ausblenden bis:',
    'Outline': 'Umriss',
    'Fill': 'Füllung',
    'Off': 'Aus',
    'Colour of the Otsu mask': 'Farbe der Otsu-Maske',
    'Otsu mask:': 'Otsu-Maske:',
    'Mask colour': 'Maskenfarbe',
    'No model: choose the folder that holds configs/, models/, text_encoder/ and tokenizer/, or download it.':
        'Kein Modell: den Ordner wählen, der configs/, models/, text_encoder/ und tokenizer/ enthält, oder es herunterladen.',
    'Method: %1': 'Methode: %1',
    " (not the paper's settings)": ' (nicht die Einstellungen der Veröffentlichung)',
    '%1\n%2\n%3 UNet calls, %4 s%5': '%1\n%2\n%3 UNet-Aufrufe, %4 s%5',
    '\nLonger than 77 tokens: the end was cut off.': '\nLänger als 77 Token: das Ende wurde abgeschnitten.',
    'From the results cache (no model call).': 'Aus dem Ergebnis-Cache (kein Modellaufruf).',
    'Queued (%n request(s) waiting).': ('In der Warteschlange (%n Anfrage wartet).', 'In der Warteschlange (%n Anfragen warten).'),
    ' (%n more queued)': (' (%n weitere wartet)', ' (%n weitere warten)'),
    '%1 [%2]': '%1 [%2]',
    'Rename': 'Umbenennen',
    'Re-run with other settings…': 'Mit anderen Einstellungen erneut ausführen…',
    'Copy sentence to the prompt box': 'Satz in das Eingabefeld kopieren',
    'Remove': 'Entfernen',
    'Re-run "%1"': '„%1“ erneut ausführen',
    'Metrics: select a grounded prompt.': 'Metriken: einen verorteten Satz auswählen.',
    '%n box(es) of this sentence': ('%n Box dieses Satzes', '%n Boxen dieses Satzes'),
    'all %n box(es)': ('die %n Box', 'alle %n Boxen'),
    'Metrics against %1: computing…': 'Metriken gegen %1: wird berechnet…',
    'Against %1:\n|CNR| %2   CNR %3\nmIoU %4 %   AUC-ROC %5 % (exact %6 %)':
        'Gegen %1:\n|CNR| %2   CNR %3\nmIoU %4 %   AUC-ROC %5 % (exakt %6 %)',
    'Show &heat map': '&Heatmap zeigen',
    'Show Otsu &mask': 'Otsu-&Maske zeigen',
    'Show ground-truth &boxes': 'Referenz-&Boxen zeigen',
    '&Draw and edit boxes': 'Boxen &zeichnen und bearbeiten',
    'Load ground-truth boxes (MS-CXR CSV)…': 'Referenz-Boxen laden (MS-CXR-CSV)…',
    'Ctrl+Shift+B': 'Ctrl+Shift+B',
    'Remove the boxes of this image': 'Die Boxen dieses Bildes entfernen',
    'Box editing: drag on the image to draw a box, drag a box or its handles to move or resize it, Delete removes the selected box. D ends editing.':
        'Boxen bearbeiten: auf dem Bild ziehen zeichnet eine Box, eine Box oder ihre Griffe ziehen verschiebt sie oder ändert ihre Größe, Entf löscht die gewählte Box. D beendet die Bearbeitung.',
    '&Grounding': '&Grounding',
    'heat: "%1"': 'Heatmap: „%1“',
    'heat (normalised)': 'Heatmap (normiert)',
    'The CSV gives this image as %1 x %2 pixels; its boxes were scaled to %3 x %4.':
        'Die CSV nennt für dieses Bild %1 x %2 Pixel; seine Boxen wurden auf %3 x %4 skaliert.',
    '%1: %2 sentences with %3 boxes (%4 skipped); %5 box(es) on this image.':
        '%1: %2 Sätze mit %3 Boxen (%4 übersprungen); %5 Box(en) auf diesem Bild.',
    'Cannot read the ground-truth CSV: %1': 'Die Referenz-CSV kann nicht gelesen werden: %1',
    'MS-CXR ground-truth CSV': 'MS-CXR-Referenz-CSV',
    'CSV files (*.csv);;All files (*)': 'CSV-Dateien (*.csv);;Alle Dateien (*)',
    'Method settings': 'Methodeneinstellungen',
    "The paper's settings are 300 inversion steps, the attention window of calls 120-179 and cross-attention layers 3, 4, 6, 7 with the Otsu mask.":
        'Die Einstellungen der Veröffentlichung sind 300 Inversionsschritte, das Attention-Fenster der Aufrufe 120-179 und die Cross-Attention-Schichten 3, 4, 6, 7 mit Otsu-Maske.',
    'Inversion steps:': 'Inversionsschritte:',
    'Window from the steps (middle fifth)': 'Fenster aus den Schritten (mittleres Fünftel)',
    'First call of the window:': 'Erster Aufruf des Fensters:',
    'Last call of the window:': 'Letzter Aufruf des Fensters:',
    'Cross-attention layers in execution order, counted from 0 (this model has %1).':
        'Cross-Attention-Schichten in Ausführungsreihenfolge, ab 0 gezählt (dieses Modell hat %1).',
    'Layers:': 'Schichten:',
    'Mask the map with its Otsu threshold': 'Die Karte mit ihrem Otsu-Schwellwert maskieren',
    '"%1" is not a layer number.': '„%1“ ist keine Schichtnummer.',
    'Name at least one layer.': 'Mindestens eine Schicht angeben.',
    'No model folder is set.': 'Es ist kein Modellordner eingestellt.',
    '%1 is not a folder.': '%1 ist kein Ordner.',
    'Usable: every file is present and every tensor matches its configuration.':
        'Verwendbar: jede Datei ist vorhanden und jeder Tensor passt zu seiner Konfiguration.',
    'This folder cannot be used (%n problem(s)):': ('Dieser Ordner kann nicht verwendet werden (%n Problem):', 'Dieser Ordner kann nicht verwendet werden (%n Probleme):'),
    'missing': 'fehlt',
    'not present (optional)': 'nicht vorhanden (optional)',
    'ok, %1 MB': 'in Ordnung, %1 MB',
    'ok, %1 kB': 'in Ordnung, %1 kB',
    'Ground-truth boxes: an MS-CXR CSV matched to the images shown.': 'Referenz-Boxen: eine MS-CXR-CSV, die den gezeigten Bildern zugeordnet wird.',
    'Note: %1': 'Hinweis: %1',
    'General': 'Allgemein',
    'Folder with configs/, models/, text_encoder/ and tokenizer/': 'Ordner mit configs/, models/, text_encoder/ und tokenizer/',
    'Download…': 'Herunterladen…',
    'Model folder:': 'Modellordner:',
    'CPU': 'CPU',
    'CUDA GPU %1': 'CUDA-GPU %1',
    'This build of LibTorch has no CUDA support, or no GPU was found.':
        'Diese LibTorch-Version unterstützt kein CUDA, oder es wurde keine GPU gefunden.',
    'Device:': 'Gerät:',
    'fp32 (exact, as the paper)': 'fp32 (exakt, wie in der Veröffentlichung)',
    'bf16 (faster on GPUs)': 'bf16 (schneller auf GPUs)',
    'fp16 (faster on GPUs)': 'fp16 (schneller auf GPUs)',
    'Precision:': 'Genauigkeit:',
    'all cores (%1)': 'alle Kerne (%1)',
    'CPU threads:': 'CPU-Threads:',
    'Diffusion bundle from:': 'Diffusions-Bundle von:',
    'Text encoder from:': 'Text-Encoder von:',
    'Official download locations': 'Offizielle Download-Adressen',
    'Model': 'Modell',
    'bf16 and fp16 need a CUDA device.': 'bf16 und fp16 brauchen ein CUDA-Gerät.',
    'Checking %1…': '%1 wird geprüft…',
    'box %1': 'Box %1',
    'Otsu %1': 'Otsu %1',
    'cut %1': 'Grenze %1',
    'range %1 – %2': 'Bereich %1 – %2',
    'Words (click one for its own map, again for the sentence):': 'Wörter (eines anklicken für seine eigene Karte, erneut für den Satz):',
    'Model folder for grounding.': 'Modellordner für das Grounding.',
    'Sentence to ground on the first image (repeatable).': 'Satz, der auf dem ersten Bild verortet wird (wiederholbar).',
    'Grounding': 'Grounding',
    'Choose model folder…': 'Modellordner wählen…',
    'demo model - random weights: the maps mean nothing': 'Demo-Modell - Zufallsgewichte: die Karten bedeuten nichts',
    'Report sentence (Ctrl+Enter grounds it):': 'Befundsatz (Strg+Eingabe verortet ihn):',
    'e.g. Small left pleural effusion': 'z. B. Kleiner Pleuraerguss links',
    'Ground': 'Verorten',
    'Cancel': 'Abbrechen',
    'Grounded prompts on this image:': 'Verortete Sätze auf diesem Bild:',
    'Colour map:': 'Farbskala:',
    'Opacity:': 'Deckkraft:',
    'Otsu mask outline': 'Umriss der Otsu-Maske',
    'Model: %1\n%2 M parameters, %3, %4 threads': 'Modell: %1\n%2 Mio. Parameter, %3, %4 Threads',
    'The model folder cannot be used:\n%1': 'Der Modellordner kann nicht verwendet werden:\n%1',
    'No model: choose the folder that holds configs/, models/, text_encoder/ and tokenizer/.':
        'Kein Modell: den Ordner wählen, der configs/, models/, text_encoder/ und tokenizer/ enthält.',
    'Loading the model from %1…': 'Das Modell wird aus %1 geladen…',
    'Model folder': 'Modellordner',
    'Type or paste a sentence to ground.': 'Einen Satz zum Verorten eingeben oder einfügen.',
    'No usable model is loaded.': 'Es ist kein verwendbares Modell geladen.',
    'A grounding is already running.': 'Es läuft bereits eine Verortung.',
    'No image is open.': 'Es ist kein Bild geöffnet.',
    'Starting…': 'Start…',
    'loading the model': 'Modell wird geladen',
    'encoding the image': 'Bild wird kodiert',
    'encoding the text': 'Text wird kodiert',
    'inverting the image': 'Bild wird invertiert (DDIM)',
    'reading attention': 'Aufmerksamkeit wird gelesen',
    'building the heat map': 'Heatmap wird erstellt',
    ', about %1 s left': ', noch etwa %1 s',
    '%1: %2 of %3%4': '%1: %2 von %3%4',
    'Done in %1 s (%2 UNet calls)': 'Fertig in %1 s (%2 UNet-Aufrufe)',
    'Cancelled.': 'Abgebrochen.',
    'No model is loaded.': 'Es ist kein Modell geladen.',
    'demo model - random weights': 'Demo-Modell - Zufallsgewichte',
    '  heat: not analysed': '  Heatmap: nicht analysiert',
    '  heat %1': '  Heatmap %1',
    'bench needs a benchmark name: viewer': 'bench braucht den Namen eines Benchmarks: viewer',
    'unknown option %1': 'unbekannte Option %1',
    'bad value for %1': 'ungültiger Wert für %1',
    'cannot write the benchmark DICOM: %1': 'die Benchmark-DICOM-Datei kann nicht geschrieben werden: %1',
    '%1 needs a value': '%1 braucht einen Wert',
    'bad value for %1: %2': 'ungültiger Wert für %1: %2',
    'unknown argument %1': 'unbekanntes Argument %1',
    'ground needs --model DIR --image IN --prompt TEXT [--prompt TEXT ...] --out DIR':
        'ground braucht --model ORDNER --image EINGABE --prompt TEXT [--prompt TEXT ...] --out ORDNER',
    '%1: cannot create the output folder': '%1: der Ausgabeordner kann nicht angelegt werden',
    '%1: cannot create the folder': '%1: der Ordner kann nicht angelegt werden',
    '%1: cannot write overlay.png': '%1: overlay.png kann nicht geschrieben werden',
    '%1: cannot write result.json': '%1: result.json kann nicht geschrieben werden',
    'tokenize needs --model DIR TEXT': 'tokenize braucht --model ORDNER TEXT',
    'inspect-model needs a model folder': 'inspect-model braucht einen Modellordner',
    'info needs exactly one input file': 'info braucht genau eine Eingabedatei',
    '%1: the file does not exist': '%1: die Datei existiert nicht',
    '--window needs CENTER:WIDTH with a positive width, e.g. 2048:4096':
        '--window braucht ZENTRUM:BREITE mit positiver Breite, z. B. 2048:4096',
    '--frame needs a frame number (1 = first)': '--frame braucht eine Bildnummer (1 = erstes Bild)',
    'render needs an input file and an output PNG': 'render braucht eine Eingabedatei und eine Ausgabe-PNG',
    '%1: cannot write the PNG (folder missing, not writable or disk full?)':
        '%1: die PNG-Datei kann nicht geschrieben werden (Ordner fehlt, schreibgeschützt oder Datenträger voll?)',
    'unknown command %1': 'unbekannter Befehl %1',
    'the JPEG 2000 data is too short (%1 bytes)': 'die JPEG-2000-Daten sind zu kurz (%1 Bytes)',
    '%1 (OpenJPEG: %2)': '%1 (OpenJPEG: %2)',
    'the JPEG 2000 decoder could not be set up': 'der JPEG-2000-Decoder konnte nicht eingerichtet werden',
    'the JPEG 2000 header is invalid': 'der JPEG-2000-Header ist ungültig',
    'the JPEG 2000 header declares an implausible image (%1 x %2, %3 components)':
        'der JPEG-2000-Header beschreibt ein unplausibles Bild (%1 x %2, %3 Komponenten)',
    'the JPEG 2000 data could not be decoded': 'die JPEG-2000-Daten konnten nicht dekodiert werden',
    'JPEG 2000 components with subsampling are not supported':
        'JPEG-2000-Komponenten mit Unterabtastung werden nicht unterstützt',
    'the LUT has no valid LUT Descriptor': 'die LUT hat keinen gültigen LUT Descriptor',
    'the LUT Descriptor cannot be read': 'der LUT Descriptor kann nicht gelesen werden',
    'the LUT declares %1 bits per entry (1 to 16 allowed)': 'die LUT gibt %1 Bit pro Eintrag an (1 bis 16 erlaubt)',
    'the LUT has no LUT Data': 'die LUT hat keine LUT Data',
    'the LUT Data holds %1 entries but the descriptor declares %2':
        'LUT Data enthält %1 Einträge, der Descriptor gibt aber %2 an',
    'the encapsulated pixel data has no fragments': 'die gekapselten Pixeldaten enthalten keine Fragmente',
    'fragment %1 of the pixel data cannot be read': 'Fragment %1 der Pixeldaten kann nicht gelesen werden',
    'frame %1 is not in the pixel data (found %2 of %3 frames)':
        'Bild %1 ist nicht in den Pixeldaten (%2 von %3 Bildern gefunden)',
    'the file ends before its data does: truncated or damaged':
        'die Datei endet vor ihren Daten: abgeschnitten oder beschädigt',
    'the data set structure is damaged: %1': 'die Struktur des Datensatzes ist beschädigt: %1',
    '%1: not a readable DICOM file (%2)': '%1: keine lesbare DICOM-Datei (%2)',
    '%1: %2': '%1: %2',
    'the file does not exist': 'die Datei existiert nicht',
    'the file cannot be read (permission denied)': 'die Datei kann nicht gelesen werden (keine Berechtigung)',
    'not a readable DICOM file (%1)': 'keine lesbare DICOM-Datei (%1)',
    'the file has no pixel data (it is not an image: %1)': 'die Datei enthält keine Pixeldaten (sie ist kein Bild: %1)',
    'unknown object': 'unbekanntes Objekt',
    'the Rows or Columns attribute is missing or zero': 'das Attribut Rows oder Columns fehlt oder ist null',
    'Number of Frames is not a positive number': 'Number of Frames ist keine positive Zahl',
    'Bits Allocated is %1; only 8, 16 and 32 are supported': 'Bits Allocated ist %1; nur 8, 16 und 32 werden unterstützt',
    'Bits Stored (%1) / High Bit (%2) do not fit Bits Allocated (%3)':
        'Bits Stored (%1) / High Bit (%2) passen nicht zu Bits Allocated (%3)',
    '%1 bits stored per sample are not supported (at most 24)':
        '%1 gespeicherte Bit pro Abtastwert werden nicht unterstützt (höchstens 24)',
    'Samples per Pixel is %1; only 1 (grey) and 3 (colour) are supported':
        'Samples per Pixel ist %1; nur 1 (Graustufen) und 3 (Farbe) werden unterstützt',
    'the photometric interpretation %1 is not supported': 'die photometrische Interpretation %1 wird nicht unterstützt',
    'frame %1 does not exist (the file has %2 frames)': 'Bild %1 existiert nicht (die Datei hat %2 Bilder)',
    'the header declares %1 x %2 pixels x %3 frames, more than this viewer accepts; the file is refused':
        'der Header gibt %1 x %2 Pixel x %3 Bilder an, mehr als dieser Betrachter annimmt; die Datei wird abgelehnt',
    'the pixel data element cannot be read': 'das Pixeldaten-Element kann nicht gelesen werden',
    'the compressed pixel data cannot be read (file damaged?)':
        'die komprimierten Pixeldaten können nicht gelesen werden (Datei beschädigt?)',
    'the compressed pixel data is empty': 'die komprimierten Pixeldaten sind leer',
    'the header declares %1 x %2 pixels but there are only %3 bytes of compressed data; the file is refused':
        'der Header gibt %1 x %2 Pixel an, es gibt aber nur %3 Bytes komprimierter Daten; die Datei wird abgelehnt',
    'JPEG 2000 frame %1: %2': 'JPEG-2000-Bild %1: %2',
    'the JPEG 2000 image is %1 x %2 with %3 components but the header says %4 x %5 with %6':
        'das JPEG-2000-Bild ist %1 x %2 mit %3 Komponenten, der Header nennt aber %4 x %5 mit %6',
    'the JPEG 2000 codestream and the header disagree on signedness; the header (Pixel Representation) is used':
        'JPEG-2000-Codestream und Header widersprechen sich beim Vorzeichen; der Header (Pixel Representation) gilt',
    'the pixel data (%1) cannot be decoded: %2': 'die Pixeldaten (%1) können nicht dekodiert werden: %2',
    'the pixel data is truncated: %1 bytes present, %2 x %3 x %4 frame(s) at %5 bits need %6':
        'die Pixeldaten sind abgeschnitten: %1 Bytes vorhanden, %2 x %3 x %4 Bild(er) mit %5 Bit brauchen %6',
    'the pixel data cannot be read (file damaged or truncated)':
        'die Pixeldaten können nicht gelesen werden (Datei beschädigt oder abgeschnitten)',
    'the pixel data is truncated': 'die Pixeldaten sind abgeschnitten',
    'the colour model %1 is not supported': 'das Farbmodell %1 wird nicht unterstützt',
    'Modality LUT ignored: %1': 'Modality LUT ignoriert: %1',
    'VOI LUT ignored: %1': 'VOI LUT ignoriert: %1',
    'the window in the header (C %1 / W %2) misses the pixel values (%3 to %4); an automatic window is used':
        'das Fenster im Header (Z %1 / B %2) trifft die Pixelwerte (%3 bis %4) nicht; ein automatisches Fenster wird verwendet',
    '%n item(s)': ('%n Element', '%n Elemente'),
    'Item %1': 'Element %1',
    '(%1 bytes)': '(%1 Bytes)',
    '(%1 bytes of binary data)': '(%1 Bytes Binärdaten)',
    '%1: the file cannot be opened (%2)': '%1: die Datei kann nicht geöffnet werden (%2)',
    '%1: not an image this application can read (neither DICOM nor PNG, JPEG, TIFF or BMP)':
        '%1: kein Bild, das diese Anwendung lesen kann (weder DICOM noch PNG, JPEG, TIFF oder BMP)',
    '%1: the %2 data is damaged or truncated and cannot be decoded':
        '%1: die %2-Daten sind beschädigt oder abgeschnitten und können nicht dekodiert werden',
    '%1: only 8- and 16-bit images are supported': '%1: nur 8- und 16-Bit-Bilder werden unterstützt',
    'Full range': 'Gesamter Wertebereich',
    '%1: frame %2 does not exist (the file has 1 frame)': '%1: Bild %2 existiert nicht (die Datei hat 1 Bild)',
    'DICOMDIR cannot be read (%1); the folder is scanned instead':
        'DICOMDIR kann nicht gelesen werden (%1); stattdessen wird der Ordner durchsucht',
    '(no patient: image files)': '(kein Patient: Bilddateien)',
    '%1: DICOM object without an image (%2)': '%1: DICOM-Objekt ohne Bild (%2)',
    '%1: listed in DICOMDIR but missing or not DICOM': '%1: im DICOMDIR aufgeführt, aber fehlend oder kein DICOM',
    'Chest X-ray viewer (research use only - not for diagnosis).':
        'Thorax-Röntgen-Betrachter (nur für die Forschung - nicht zur Diagnose).',
    'DICOM, PNG or JPEG files or folders to open.': 'Zu öffnende DICOM-, PNG- oder JPEG-Dateien oder Ordner.',
    'Grab the main window once the image is shown, write it to <png> and exit.':
        'Das Hauptfenster aufnehmen, sobald das Bild angezeigt wird, als <png> speichern und beenden.',
    'Colour theme: dark or light.': 'Farbschema: dark (dunkel) oder light (hell).',
    'Interface language: en or de.': 'Sprache der Oberfläche: en oder de.',
    'Window size, e.g. 1280x860.': 'Fenstergröße, z. B. 1280x860.',
    'Open the bundled sample study.': 'Die mitgelieferte Beispielstudie öffnen.',
    'cannot write the screenshot %1': 'der Bildschirmfoto %1 kann nicht geschrieben werden',
    'timed out waiting for the image': 'Zeitüberschreitung beim Warten auf das Bild',
    '%n frame(s)': ('%n Bild', '%n Bilder'),
    'CXR Ground': 'CXR Ground',
    'Studies': 'Studien',
    '&Open files…': 'Dateien ö&ffnen…',
    'Open &folder…': '&Ordner öffnen…',
    'Ctrl+Shift+O': 'Ctrl+Shift+O',
    'Open &sample study': '&Beispielstudie öffnen',
    '&Quit': '&Beenden',
    '&Fit to window': 'An &Fenster anpassen',
    '&Actual pixels (1:1)': '&Originalpixel (1:1)',
    'Zoom &in': '&Vergrößern',
    'Zoom &out': 'Ver&kleinern',
    '&Invert': '&Invertieren',
    'Rotate &right': 'Nach &rechts drehen',
    'Rotate &left': 'Nach &links drehen',
    'Flip &horizontally': '&Horizontal spiegeln',
    'Flip &vertically': 'V&ertikal spiegeln',
    '&Reset view': 'Ansicht &zurücksetzen',
    'Next frame': 'Nächstes Bild',
    'Previous frame': 'Vorheriges Bild',
    'DICOM &tags…': 'DICOM-&Tags…',
    '&Settings…': '&Einstellungen…',
    '&Keyboard shortcuts': '&Tastenkürzel',
    '&About CXR Ground': 'Ü&ber CXR Ground',
    '&Dark theme': '&Dunkles Farbschema',
    '&Light theme': '&Helles Farbschema',
    '&File': '&Datei',
    'Open &recent': '&Zuletzt geöffnet',
    '&View': '&Ansicht',
    '&Help': '&Hilfe',
    'Main': 'Haupt',
    ' Window: ': ' Fenster: ',
    'Window presets (from the file and for chest images)': 'Fenstervorgaben (aus der Datei und für Thoraxbilder)',
    'Frame ': 'Bild ',
    'Cancel scan': 'Suche abbrechen',
    'Open images': 'Bilder öffnen',
    'Images (*.dcm *.dicom *.DCM *.png *.jpg *.jpeg *.tif *.tiff);;All files (*)':
        'Bilder (*.dcm *.dicom *.DCM *.png *.jpg *.jpeg *.tif *.tiff);;Alle Dateien (*)',
    'Open folder': 'Ordner öffnen',
    '%1: not a folder': '%1: kein Ordner',
    'The sample study was not found (set CXRG_SAMPLES to its folder).':
        'Die Beispielstudie wurde nicht gefunden (CXRG_SAMPLES auf ihren Ordner setzen).',
    'Loading %1…': '%1 wird geladen…',
    '%1 - CXR Ground': '%1 - CXR Ground',
    ' of %1': ' von %1',
    'Scanning %1…': '%1 wird durchsucht…',
    '%1 files': '%1 Dateien',
    'Scan cancelled': 'Suche abgebrochen',
    '%n file(s) could not be read and were skipped.': (
        '%n Datei konnte nicht gelesen werden und wurde übersprungen.',
        '%n Dateien konnten nicht gelesen werden und wurden übersprungen.'),
    'Unreadable files': 'Nicht lesbare Dateien',
    '(no name)': '(kein Name)',
    'Study': 'Studie',
    'Series %1 %2 %3': 'Serie %1 %2 %3',
    '%1: the file no longer exists; it was removed from the recent files.':
        '%1: die Datei existiert nicht mehr; sie wurde aus der Liste der zuletzt geöffneten Dateien entfernt.',
    '(none)': '(keine)',
    'Clear list': 'Liste leeren',
    'Default': 'Standard',
    'File window %1': 'Fenster %1 der Datei',
    '%1 (C %2 / W %3)': '%1 (Z %2 / B %3)',
    'VOI LUT of the file': 'VOI LUT der Datei',
    'Automatic (0.5-99.5 %)': 'Automatisch (0,5-99,5 %)',
    'Lung (C -600 / W 1500)': 'Lunge (Z -600 / B 1500)',
    'Mediastinum (C 40 / W 400)': 'Mediastinum (Z 40 / B 400)',
    'Bone (C 480 / W 2500)': 'Knochen (Z 480 / B 2500)',
    'High contrast': 'Hoher Kontrast',
    'Low contrast': 'Niedriger Kontrast',
    'x %1  y %2': 'x %1  y %2',
    'RGB %1, %2, %3': 'RGB %1, %2, %3',
    'stored %1  value %2': 'gespeichert %1  Wert %2',
    'VOI LUT': 'VOI LUT',
    'C %1  W %2': 'Z %1  B %2',
    '%1 %': '%1 %',
    '%1 × %2 mm/px': '%1 × %2 mm/Pixel',
    'spacing unknown': 'Pixelabstand unbekannt',
    'Cannot open': 'Öffnen nicht möglich',
    'About CXR Ground': 'Über CXR Ground',
    'Settings': 'Einstellungen',
    'Dark': 'Dunkel',
    'Light': 'Hell',
    'Theme:': 'Farbschema:',
    'System default': 'Systemstandard',
    'Language:': 'Sprache:',
    'A new language takes effect when the application is restarted.':
        'Eine neue Sprache wird nach einem Neustart der Anwendung wirksam.',
    'Keyboard shortcuts': 'Tastenkürzel',
    'Action': 'Aktion',
    'Keys': 'Tasten',
    'Zoom about the cursor': 'Um den Mauszeiger zoomen',
    'Mouse wheel': 'Mausrad',
    'Pan': 'Verschieben',
    'Left or middle drag': 'Mit linker oder mittlerer Maustaste ziehen',
    'Window/level (right/left: width, up/down: centre)': 'Fensterung (rechts/links: Breite, hoch/runter: Zentrum)',
    'Right drag': 'Mit rechter Maustaste ziehen',
    'Fit to window': 'An Fenster anpassen',
    'Double-click': 'Doppelklick',
    'DICOM tags': 'DICOM-Tags',
    'Search tag, name or value': 'Tag, Name oder Wert suchen',
    'Tag': 'Tag',
    'VR': 'VR',
    'Name': 'Name',
    'Value': 'Wert',
    'Open a chest X-ray (DICOM, PNG or JPEG): File > Open, or drop files here.':
        'Ein Thorax-Röntgenbild öffnen (DICOM, PNG oder JPEG): Datei > Öffnen, oder Dateien hierher ziehen.',

    # ---- issue 13: PACS (DICOMweb, DIMSE), SEG and Parametric Map
    '--format must be png, jpg, dcm, seg or pmap (or give the output file one of the extensions png, jpg, dcm)':
        '--format muss png, jpg, dcm, seg oder pmap sein (oder der Ausgabedatei eine der Endungen png, jpg, dcm geben)',
    '--format %1 writes one sentence per object: give exactly one --prompt':
        '--format %1 schreibt einen Satz je Objekt: genau ein --prompt angeben',
    '--format seg writes the Otsu mask: leave out --no-otsu': '--format seg schreibt die Otsu-Maske: --no-otsu weglassen',
    '--format %1 needs a DICOM image: the object references its source image (%2 is not DICOM)':
        '--format %1 braucht ein DICOM-Bild: das Objekt verweist auf sein Quellbild (%2 ist kein DICOM)',
    'passwords are never taken from the command line: set CXRG_PACS_PASSWORD':
        'Passwörter werden nie von der Befehlszeile genommen: CXRG_PACS_PASSWORD setzen',
    'give --server dicomweb:http(s)://host:port/dicom-web or --server dimse:AETITLE@host:port':
        '--server dicomweb:http(s)://host:port/dicom-web oder --server dimse:AETITLE@host:port angeben',
    '--aet needs an AE title of 1 to 16 characters (letters, digits, no backslash)':
        '--aet braucht einen AE-Titel mit 1 bis 16 Zeichen (Buchstaben, Ziffern, kein Backslash)',
    '--user %1 needs the password in the environment variable CXRG_PACS_PASSWORD':
        '--user %1 braucht das Passwort in der Umgebungsvariablen CXRG_PACS_PASSWORD',
    '--user applies to DICOMweb servers; DIMSE servers know us by our AE title (--aet)':
        '--user gilt für DICOMweb-Server; DIMSE-Server kennen uns an unserem AE-Titel (--aet)',
    '--timeout needs seconds from 1 to 3600': '--timeout braucht Sekunden von 1 bis 3600',
    '--move-port needs a port number from 1 to 65535': '--move-port braucht eine Portnummer von 1 bis 65535',
    '--move-port applies to DIMSE servers (C-MOVE to our own port)': '--move-port gilt für DIMSE-Server (C-MOVE an unseren eigenen Port)',
    '%1 answered in %2 ms': '%1 hat in %2 ms geantwortet',
    '--date needs YYYYMMDD, YYYYMMDD-YYYYMMDD, YYYYMMDD- or -YYYYMMDD': '--date braucht JJJJMMTT, JJJJMMTT-JJJJMMTT, JJJJMMTT- oder -JJJJMMTT',
    '--level must be study or series': '--level muss study oder series sein',
    '--limit needs a number from 1 to 100000': '--limit braucht eine Zahl von 1 bis 100000',
    'more than %1 matches: only the first %1 are listed (narrow the search or raise --limit)':
        'mehr als %1 Treffer: nur die ersten %1 sind aufgeführt (Suche eingrenzen oder --limit erhöhen)',
    'get needs --study UID [--series UID] --out DIR': 'get braucht --study UID [--series UID] --out ORDNER',
    'missing %1': 'fehlt: %1',
    '%n instance(s) in %1': ('%n Instanz in %1', '%n Instanzen in %1'),
    'send needs one or more DICOM files': 'send braucht eine oder mehrere DICOM-Dateien',
    '%1 of %2 files were not stored': '%1 von %2 Dateien wurden nicht gespeichert',
    'pacs needs echo, find, get or send (see cxr-ground help)': 'pacs braucht echo, find, get oder send (siehe cxr-ground help)',
    'Cannot write %1: a Segmentation or Parametric Map needs a DICOM source image (it references it); for a PNG or JPEG source export PNG, JPEG or Secondary Capture.':
        '%1 kann nicht geschrieben werden: eine Segmentierung oder Parameterkarte braucht ein DICOM-Quellbild (sie verweist darauf); für eine PNG- oder JPEG-Quelle PNG, JPEG oder Secondary Capture exportieren.',
    'Cannot write %1: the map (%2 x %3, %4 values) does not fit DICOM or itself.':
        '%1 kann nicht geschrieben werden: die Karte (%2 x %3, %4 Werte) passt nicht zu DICOM oder zu sich selbst.',
    'Cannot write %1: the map is %2 x %3 but the source image %4 is %5 x %6.':
        '%1 kann nicht geschrieben werden: die Karte ist %2 x %3, das Quellbild %4 aber %5 x %6.',
    'Cannot write %1: the source %2 lacks its SOP Class, SOP Instance or Series UID.':
        '%1 kann nicht geschrieben werden: der Quelle %2 fehlt die SOP-Class-, SOP-Instance- oder Series-UID.',
    'Cannot write %1: DCMTK refused the object: %2.': '%1 kann nicht geschrieben werden: DCMTK lehnt das Objekt ab: %2.',
    'Cannot read %1: %2.': '%1 kann nicht gelesen werden: %2.',
    '%1 is neither a DICOM Segmentation nor a Parametric Map.': '%1 ist weder eine DICOM-Segmentierung noch eine Parameterkarte.',
    'Cannot read %1: its pixel data are compressed in a form this viewer cannot decode.':
        '%1 kann nicht gelesen werden: die Pixeldaten sind in einer Form komprimiert, die dieser Betrachter nicht dekodiert.',
    'Cannot read %1: it declares no image size.': '%1 kann nicht gelesen werden: es gibt keine Bildgröße an.',
    'Cannot read %1: the Segmentation has no segment.': '%1 kann nicht gelesen werden: die Segmentierung hat kein Segment.',
    'Cannot read %1: no frame shows segment %2.': '%1 kann nicht gelesen werden: kein Frame zeigt Segment %2.',
    'Cannot read %1: it has no pixel data.': '%1 kann nicht gelesen werden: es hat keine Pixeldaten.',
    'Cannot read %1: its pixel data are shorter than declared.': '%1 kann nicht gelesen werden: die Pixeldaten sind kürzer als angegeben.',
    'Cannot read %1: %2 bits per segmentation pixel are not supported.':
        '%1 kann nicht gelesen werden: %2 Bit je Segmentierungspixel werden nicht unterstützt.',
    'Cannot empty the cache folder %1 completely.': 'Der Cache-Ordner %1 kann nicht vollständig geleert werden.',
    'The answer of %1 is larger than %2 MiB: refused (narrow the search).':
        'Die Antwort von %1 ist größer als %2 MiB: abgelehnt (Suche eingrenzen).',
    'Cannot write what %1 sends to disk (disk full or folder not writable).':
        'Was %1 sendet, kann nicht auf die Platte geschrieben werden (Datenträger voll oder Ordner schreibgeschützt).',
    '%1 did not answer within %2 s.': '%1 hat nicht innerhalb von %2 s geantwortet.',
    "The HTTPS certificate of %1 is not trusted: %2. CXR Ground does not connect to servers whose certificate it cannot verify; install the server's certificate authority in the system's trust store (or fix the server's certificate).":
        'Dem HTTPS-Zertifikat von %1 wird nicht vertraut: %2. CXR Ground verbindet sich nicht mit Servern, deren Zertifikat es nicht prüfen kann; die Zertifizierungsstelle des Servers im Zertifikatsspeicher des Systems installieren (oder das Zertifikat des Servers berichtigen).',
    '%1 refused the connection (is the server running, and is the port right?).':
        '%1 hat die Verbindung abgelehnt (läuft der Server, und stimmt der Port?).',
    'The host %1 was not found.': 'Der Rechner %1 wurde nicht gefunden.',
    '%1 closed the connection before answering.': '%1 hat die Verbindung vor der Antwort geschlossen.',
    'Cannot reach %1: %2.': '%1 ist nicht erreichbar: %2.',
    '%1 requires a user name and password (HTTP 401): set the user and the password.':
        '%1 verlangt Benutzername und Passwort (HTTP 401): Benutzer und Passwort angeben.',
    '%1 refused the user name or password of %2 (HTTP 401).': '%1 hat Benutzername oder Passwort von %2 abgelehnt (HTTP 401).',
    '%1 denied access to %2 (HTTP 403).': '%1 verweigert den Zugriff auf %2 (HTTP 403).',
    '%1 has no %2 (HTTP 404).': '%1 hat kein(e) %2 (HTTP 404).',
    '%1 answered HTTP %2 to the request for %3.': '%1 hat auf die Anfrage nach %3 mit HTTP %2 geantwortet.',
    'the search': 'die Suche',
    'The answer of %1 to the search is not valid JSON (%2 at byte %3).':
        'Die Antwort von %1 auf die Suche ist kein gültiges JSON (%2 bei Byte %3).',
    'The answer of %1 to the search is not a DICOM JSON list of matches.':
        'Die Antwort von %1 auf die Suche ist keine DICOM-JSON-Liste von Treffern.',
    'The answer of %1 to the search holds a match without a valid UID ("%2").':
        'Die Antwort von %1 auf die Suche enthält einen Treffer ohne gültige UID („%2“).',
    'Cannot write into the folder %1: %2.': 'In den Ordner %1 kann nicht geschrieben werden: %2.',
    'instance %1': 'Instanz %1',
    'Cannot read back %1.': '%1 kann nicht wieder gelesen werden.',
    '%1 sent no DICOM file for instance %2 (content type "%3").': '%1 hat für Instanz %2 keine DICOM-Datei gesendet (Inhaltstyp „%3“).',
    'Cannot write %1 (disk full?).': '%1 kann nicht geschrieben werden (Datenträger voll?).',
    '%1 sent a file that is not the DICOM instance %2.': '%1 hat eine Datei gesendet, die nicht die DICOM-Instanz %2 ist.',
    'Cannot write %1.': '%1 kann nicht geschrieben werden.',
    'not sent: not a readable DICOM file': 'nicht gesendet: keine lesbare DICOM-Datei',
    'not sent: %1': 'nicht gesendet: %1',
    'storing': 'das Speichern',
    'failure reason 0x%1': 'Fehlergrund 0x%1',
    'stored with warnings (HTTP 202)': 'gespeichert, mit Warnungen (HTTP 202)',
    'stored': 'gespeichert',
    'refused by the server (HTTP %1, %2)': 'vom Server abgelehnt (HTTP %1, %2)',
    'refused by the server (HTTP %1)': 'vom Server abgelehnt (HTTP %1)',
    'the server sent an instance without a valid SOP Instance UID': 'der Server hat eine Instanz ohne gültige SOP-Instance-UID gesendet',
    'cannot write %1: %2': '%1 kann nicht geschrieben werden: %2',
    'cannot write %1': '%1 kann nicht geschrieben werden',
    'the server sent an empty C-STORE': 'der Server hat ein leeres C-STORE gesendet',
    '%1 did not answer the C-ECHO: %2.': '%1 hat auf das C-ECHO nicht geantwortet: %2.',
    'Cannot propose the DICOM services: %1.': 'Die DICOM-Dienste können nicht vorgeschlagen werden: %1.',
    'Cannot start DICOM networking: %1.': 'Das DICOM-Netzwerk kann nicht gestartet werden: %1.',
    '%1 refused the association (its AE title %2, ours %3): check both AE titles and that the server knows ours.':
        '%1 hat die Assoziation abgelehnt (sein AE-Titel %2, unserer %3): beide AE-Titel prüfen und ob der Server unseren kennt.',
    'Cannot connect to %1: connection refused (is the server running, and is the port right?).':
        'Keine Verbindung zu %1: Verbindung abgelehnt (läuft der Server, und stimmt der Port?).',
    'Cannot open an association with %1: %2.': 'Keine Assoziation mit %1 möglich: %2.',
    '%1 does not offer the search (C-FIND Study Root).': '%1 bietet die Suche nicht an (C-FIND Study Root).',
    '%1 aborted the search: it may not allow searches from our AE title %2 (register it on the server).':
        '%1 hat die Suche abgebrochen: er erlaubt Suchen von unserem AE-Titel %2 womöglich nicht (dort eintragen).',
    'The search on %1 failed: %2.': 'Die Suche auf %1 ist fehlgeschlagen: %2.',
    '%1 refused the search (status %2).': '%1 hat die Suche abgelehnt (Status %2).',
    "%1 does not know our AE title %2 as a C-MOVE destination: register it there with this computer's address and port %3.":
        '%1 kennt unseren AE-Titel %2 nicht als C-MOVE-Ziel: ihn dort mit der Adresse dieses Rechners und Port %3 eintragen.',
    '%1 refused the retrieve (status %2).': '%1 hat den Abruf abgelehnt (Status %2).',
    'The study holds more kinds of object (%1) than one C-GET association can receive; use C-MOVE for it.':
        'Die Studie enthält mehr Objektarten (%1), als eine C-GET-Assoziation empfangen kann; dafür C-MOVE verwenden.',
    '%1 does not offer C-GET (Study Root); retrieve with C-MOVE instead.': '%1 bietet kein C-GET an (Study Root); stattdessen mit C-MOVE abrufen.',
    'Cannot keep what %1 sent: %2.': 'Was %1 gesendet hat, kann nicht gespeichert werden: %2.',
    'The connection to %1 was lost during the retrieve: %2.': 'Die Verbindung zu %1 ist während des Abrufs abgebrochen: %2.',
    'Cannot listen on port %1 for the C-MOVE (%2): is another program using it?':
        'Auf Port %1 kann für das C-MOVE nicht gelauscht werden (%2): benutzt ihn ein anderes Programm?',
    '%1 does not offer C-MOVE (Study Root).': '%1 bietet kein C-MOVE an (Study Root).',
    'stored with a warning (status %1)': 'gespeichert, mit Warnung (Status %1)',
    'refused: the server is out of resources (status %1)': 'abgelehnt: dem Server fehlen Ressourcen (Status %1)',
    'refused: the data set does not match its SOP class (status %1)': 'abgelehnt: der Datensatz passt nicht zu seiner SOP-Klasse (Status %1)',
    'refused: the server does not store this kind of object (status 0x0122)':
        'abgelehnt: der Server speichert diese Objektart nicht (Status 0x0122)',
    'refused: not authorised (status 0x0124)': 'abgelehnt: nicht berechtigt (Status 0x0124)',
    'refused (status %1)': 'abgelehnt (Status %1)',
    'Too many kinds of object for one association; send fewer files at once.':
        'Zu viele Objektarten für eine Assoziation; weniger Dateien auf einmal senden.',
    'not sent: %1 accepts no transfer syntax for this kind of object': 'nicht gesendet: %1 nimmt für diese Objektart keine Transfersyntax an',
    'The connection to %1 was lost while sending %2: %3.': 'Die Verbindung zu %1 ist beim Senden von %2 abgebrochen: %3.',
    'cancelled': 'abgebrochen',
    '%1 is not a DICOMweb server: give dicomweb:http(s)://host:port/path-of-the-root':
        '%1 ist kein DICOMweb-Server: dicomweb:http(s)://host:port/pfad-der-wurzel angeben',
    '%1 carries a user name or password in the URL; use --user and CXRG_PACS_PASSWORD instead':
        '%1 enthält Benutzername oder Passwort in der URL; stattdessen --user und CXRG_PACS_PASSWORD verwenden',
    '%1 is not a DIMSE server: give dimse:AETITLE@host:port (AE title at most 16 characters)':
        '%1 ist kein DIMSE-Server: dimse:AETITEL@host:port angeben (AE-Titel höchstens 16 Zeichen)',
    '%1: the AE title %2 has characters DICOM does not allow': '%1: der AE-Titel %2 enthält Zeichen, die DICOM nicht erlaubt',
    '%1: a server is dicomweb:http(s)://host:port/dicom-web or dimse:AETITLE@host:port':
        '%1: ein Server ist dicomweb:http(s)://host:port/dicom-web oder dimse:AETITEL@host:port',
    '%1 is not a date YYYYMMDD': '%1 ist kein Datum JJJJMMTT',
    'the date range %1-%2 ends before it starts': 'der Datumsbereich %1-%2 endet, bevor er beginnt',
    'the search value "%1" is too long or holds a backslash or control characters':
        'der Suchwert „%1“ ist zu lang oder enthält einen Backslash oder Steuerzeichen',
    '%1 is not a valid Study Instance UID': '%1 ist keine gültige Study-Instance-UID',
    '%1 is not a valid Series Instance UID': '%1 ist keine gültige Series-Instance-UID',
    'an instance search needs a study': 'eine Suche nach Instanzen braucht eine Studie',
    'the number of matches must be at least 1': 'die Zahl der Treffer muss mindestens 1 sein',
    ' and %n more': (' und %n weitere', ' und %n weitere'),
    '%1 of %2 instances are missing: %3': '%1 von %2 Instanzen fehlen: %3',
    'Cannot write into the folder %1 (missing, not a folder or not writable).':
        'In den Ordner %1 kann nicht geschrieben werden (fehlt, ist kein Ordner oder schreibgeschützt).',
    '%1 has no study %2.': '%1 hat keine Studie %2.',
    '%1 has no series %2 in study %3.': '%1 hat keine Serie %2 in Studie %3.',
    '%1 lists more than %2 instances in this study; retrieve it series by series.':
        '%1 führt mehr als %2 Instanzen in dieser Studie; sie Serie für Serie abrufen.',
    'The retrieve from %1 is incomplete: %2.': 'Der Abruf von %1 ist unvollständig: %2.',
    '%1\nFrom a %2 (SOP Instance UID %3)': '%1\nAus einer %2 (SOP-Instance-UID %3)',
    'Send to &PACS…': 'An &PACS senden…',
    'Stores the current export on a PACS: Secondary Capture, Segmentation, Parametric Map':
        'Speichert den aktuellen Export auf einem PACS: Secondary Capture, Segmentierung, Parameterkarte',
    'DICOM Segmentation of the mask (into the study)': 'DICOM-Segmentierung der Maske (in die Studie)',
    'DICOM Parametric Map of the heat map (into the study)': 'DICOM-Parameterkarte der Heatmap (in die Studie)',
    'DICOM Segmentation': 'DICOM-Segmentierung',
    'DICOM Parametric Map': 'DICOM-Parameterkarte',
    'PACS': 'PACS',
    'Opened %n image(s) from the local PACS cache.': ('%n Bild aus dem lokalen PACS-Cache geöffnet.', '%n Bilder aus dem lokalen PACS-Cache geöffnet.'),
    'Retrieved %n image(s) from the PACS.': ('%n Bild vom PACS abgerufen.', '%n Bilder vom PACS abgerufen.'),
    'A Segmentation or Parametric Map holds the result of one prompt: leave compare mode first.':
        'Eine Segmentierung oder Parameterkarte enthält das Ergebnis eines Satzes: zuerst den Vergleichsmodus verlassen.',
    'No grounded prompt is shown: ground a sentence first.': 'Kein verorteter Satz wird gezeigt: zuerst einen Satz verorten.',
    'A Segmentation or Parametric Map references its source image, which must be DICOM (this one is %1).':
        'Eine Segmentierung oder Parameterkarte verweist auf ihr Quellbild, das DICOM sein muss (dieses ist %1).',
    'The mask is the Otsu threshold of the map: this prompt was grounded without it.':
        'Die Maske ist der Otsu-Schwellwert der Karte: dieser Satz wurde ohne ihn verortet.',
    '%1; model %2%3': '%1; Modell %2%3',
    'Reading %1…': '%1 wird gelesen…',
    '%1 names no source image.': '%1 nennt kein Quellbild.',
    'The source image of %1 (SOP Instance UID %2) is not open and not in its folder: open or retrieve its study first, then open the result again.':
        'Das Quellbild von %1 (SOP-Instance-UID %2) ist nicht geöffnet und nicht in seinem Ordner: zuerst seine Studie öffnen oder abrufen, dann das Ergebnis erneut öffnen.',
    'The %1 is %2 x %3 but its source image is %4 x %5: it cannot be shown over it.':
        'Die %1 ist %2 x %3, ihr Quellbild aber %4 x %5: sie kann nicht darüber gezeigt werden.',
    '%1: "%2"': '%1: „%2“',
    'Servers…': 'Server…',
    'Settings > PACS: the servers, our AE title, users and passwords': 'Einstellungen > PACS: die Server, unser AE-Titel, Benutzer und Passwörter',
    'Server:': 'Server:',
    'e.g. Smith* (wildcards * and ?)': 'z. B. Müller* (Platzhalter * und ?)',
    'Any': 'Alle',
    'Any date': 'Beliebiges Datum',
    'Today': 'Heute',
    'Last 7 days': 'Letzte 7 Tage',
    'Last 30 days': 'Letzte 30 Tage',
    'Last 12 months': 'Letzte 12 Monate',
    'Between…': 'Zwischen…',
    'Patient name:': 'Patientenname:',
    'Patient ID:': 'Patienten-ID:',
    'Study date:': 'Studiendatum:',
    'Modality:': 'Modalität:',
    'Accession no.:': 'Auftragsnr.:',
    'Search': 'Suchen',
    'Patient': 'Patient',
    'Date': 'Datum',
    'Modality': 'Modalität',
    'Description': 'Beschreibung',
    'Images': 'Bilder',
    'Patient ID': 'Patienten-ID',
    'Double-click a study or series to retrieve and open it': 'Doppelklick auf eine Studie oder Serie ruft sie ab und öffnet sie',
    'No PACS server yet: add one with "Servers…".': 'Noch kein PACS-Server: einen mit „Server…“ hinzufügen.',
    'No PACS server yet': 'Noch kein PACS-Server',
    'Choose a PACS server first (Settings > PACS).': 'Zuerst einen PACS-Server wählen (Einstellungen > PACS).',
    'Cancelling…': 'Wird abgebrochen…',
    'Searching…': 'Suche läuft…',
    'Search cancelled.': 'Suche abgebrochen.',
    'Study %1\nAccession number: %2': 'Studie %1\nAuftragsnummer: %2',
    'none': 'keine',
    'In the local cache: opens without a transfer': 'Im lokalen Cache: öffnet ohne Übertragung',
    'No study matches.': 'Keine Studie passt.',
    '%n study(ies) found.': ('%n Studie gefunden.', '%n Studien gefunden.'),
    'The server has more: narrow the search.': 'Der Server hat mehr: die Suche eingrenzen.',
    'Listing the series…': 'Serien werden aufgelistet…',
    'Series %1': 'Serie %1',
    'Series': 'Serie',
    '%n series.': ('%n Serie.', '%n Serien.'),
    'Opened from the local cache (%n file(s), no transfer).': ('Aus dem lokalen Cache geöffnet (%n Datei, keine Übertragung).',
                                                              'Aus dem lokalen Cache geöffnet (%n Dateien, keine Übertragung).'),
    'The server listed an invalid Study Instance UID.': 'Der Server hat eine ungültige Study-Instance-UID aufgeführt.',
    'Retrieving…': 'Wird abgerufen…',
    '%1 of %2 images, %3 MB': '%1 von %2 Bildern, %3 MB',
    'Retrieve cancelled; %n image(s) kept in the cache for the next try.': (
        'Abruf abgebrochen; %n Bild bleibt für den nächsten Versuch im Cache.',
        'Abruf abgebrochen; %n Bilder bleiben für den nächsten Versuch im Cache.'),
    'Retrieved %n image(s).': ('%n Bild abgerufen.', '%n Bilder abgerufen.'),
    'Our AE title "%1" is not valid (1 to 16 characters, no backslash).': 'Unser AE-Titel „%1“ ist ungültig (1 bis 16 Zeichen, kein Backslash).',
    'The system keychain could not be read: %1': 'Der Schlüsselbund des Systems kann nicht gelesen werden: %1',
    'The system keychain is not available (%1): the password is kept for this session only and never written to a settings file.':
        'Der Schlüsselbund des Systems ist nicht verfügbar (%1): das Passwort gilt nur für diese Sitzung und wird nie in eine Einstellungsdatei geschrieben.',
    'Password of %1 on %2:': 'Passwort von %1 auf %2:',
    'PACS password': 'PACS-Passwort',
    'Add': 'Hinzufügen',
    'DICOMweb (QIDO-RS, WADO-RS, STOW-RS)': 'DICOMweb (QIDO-RS, WADO-RS, STOW-RS)',
    'DIMSE (C-FIND, C-GET / C-MOVE, C-STORE)': 'DIMSE (C-FIND, C-GET / C-MOVE, C-STORE)',
    'kept in the system keychain': 'im Schlüsselbund des Systems gespeichert',
    'C-GET': 'C-GET',
    'C-MOVE to our AE title on port:': 'C-MOVE an unseren AE-Titel auf Port:',
    ' s': ' s',
    'Name:': 'Name:',
    'Kind:': 'Art:',
    'Address:': 'Adresse:',
    'Our AE title:': 'Unser AE-Titel:',
    'User:': 'Benutzer:',
    'Password:': 'Passwort:',
    'Retrieve with:': 'Abrufen mit:',
    'Timeout:': 'Zeitlimit:',
    'Test connection': 'Verbindung testen',
    'New server %1': 'Neuer Server %1',
    'The DICOMweb root, e.g. https://pacs.example.org/dicom-web (Orthanc: http://host:8042/dicom-web).':
        'Die DICOMweb-Wurzel, z. B. https://pacs.example.org/dicom-web (Orthanc: http://host:8042/dicom-web).',
    "The PACS's AE title, host and port, e.g. ORTHANC@pacs.example.org:4242. For C-MOVE the PACS must know our AE title with this computer's address and the port below.":
        'AE-Titel, Rechner und Port des PACS, z. B. ORTHANC@pacs.example.org:4242. Für C-MOVE muss das PACS unseren AE-Titel mit der Adresse dieses Rechners und dem Port unten kennen.',
    'Connected: the server answered.': 'Verbunden: der Server hat geantwortet.',
    'Send to PACS': 'An PACS senden',
    'Secondary Capture: the picture as exported (layers, caption, colour bar)':
        'Secondary Capture: das Bild wie exportiert (Ebenen, Beschriftung, Farbskala)',
    'Segmentation: the mask of the shown prompt': 'Segmentierung: die Maske des gezeigten Satzes',
    'Parametric Map: the heat map of the shown prompt (values 0-1)': 'Parameterkarte: die Heatmap des gezeigten Satzes (Werte 0-1)',
    'Anonymise (remove patient identifiers)': 'Anonymisieren (Patientenkennungen entfernen)',
    "Each object's status appears here.": 'Hier erscheint der Status jedes Objekts.',
    'Send': 'Senden',
    'Cancel transfer': 'Übertragung abbrechen',
    'The image is not DICOM: only the Secondary Capture can be sent (in a new study).':
        'Das Bild ist kein DICOM: nur das Secondary Capture kann gesendet werden (in einer neuen Studie).',
    'No grounded prompt is shown: the Secondary Capture shows the image alone.':
        'Kein verorteter Satz wird gezeigt: das Secondary Capture zeigt nur das Bild.',
    'Compare mode: the Secondary Capture shows the grid.': 'Vergleichsmodus: das Secondary Capture zeigt das Raster.',
    'No PACS server yet: add one in Settings > PACS.': 'Noch kein PACS-Server: einen unter Einstellungen > PACS hinzufügen.',
    'Secondary Capture': 'Secondary Capture',
    'Segmentation': 'Segmentierung',
    'Parametric Map': 'Parameterkarte',
    '%1: not written: %2': '%1: nicht geschrieben: %2',
    'All %n object(s) stored on %1.': ('%n Objekt auf %1 gespeichert.', 'Alle %n Objekte auf %1 gespeichert.'),
    '%1 of %2 object(s) stored.': '%1 von %2 Objekten gespeichert.',
}

PREFIX = {
    'Usage: cxr-ground <command> [options]': """Aufruf: cxr-ground <Befehl> [Optionen]

Befehle:
  info EINGABE                    Header-Angaben eines Bildes als JSON
  render EINGABE AUSGABE.png [--window ZENTRUM:BREITE] [--frame N]
                                  das Bild, wie der Betrachter es standardmäßig zeigt,
                                  8 Bit grau (RGB bei Farbbildern), Originalgröße;
                                  N zählt ab 1
  ground --model ORDNER --image EINGABE --prompt TEXT [--prompt TEXT ...] --out ORDNER
         [--preset paper|fast] [--steps N] [--window A:B] [--layers L,...] [--no-otsu]
         [--attribution KATEGORIE] [--device cpu|cuda|cuda:N] [--precision fp32|bf16|fp16]
         [--allow-tf32] [--threads N] [--no-cache] [--cache-dir ORDNER] [--cache-max-mb N]
                                  Heatmaps der Sätze auf dem Bild; für Satz k enthält
                                  ORDNER/<k dreistellig>/ heatmap.npy,
                                  heatmap_smooth.npy, heatmap_original.npy,
                                  overlay.png und result.json
  prepare --model ORDNER --image EINGABE [--image EINGABE ...] [Methodenoptionen]
         [Cache-Optionen]
                                  die Inversions-Trajektorien der Bilder in den
                                  Trajektorien-Cache, sodass ein Satz später nur die
                                  Durchläufe des Fensters kostet (z. B. eine
                                  Arbeitsliste über Nacht)
  tokenize --model ORDNER TEXT    CLIP-Token-IDs als JSON {input_ids, length}
  metrics --heatmap H.npy --boxes "x,y,w,h;x,y,w,h"
                                  MS-CXR-Metriken einer Karte in Originalgröße (NaN =
                                  außerhalb des analysierten Ausschnitts) als JSON
                                  {cnr_abs, cnr, miou, auroc_binned, auroc}
  evaluate --model ORDNER --csv DATEI --images WURZEL --out ORDNER [--split NAME]
         [--shard K/N] [--resume] [--limit N] [--attribution] [--ablate SPEC]
         [Methodenoptionen] [Cache-Optionen]
                                  das MS-CXR-Protokoll über eine CSV: Bilder sind
                                  WURZEL/<Pfad ohne files/> (oder WURZEL/<Pfad>);
                                  AUSGABE/results.jsonl erhält je fertiger Probe eine
                                  Zeile, --resume überspringt fertige Proben; danach
                                  AUSGABE/summary.md, summary.json, summary.png
                                  (Aufbau von Tabelle I). --shard K/N (K ab 1) nimmt
                                  jedes N-te Bild (nach Pfad sortiert), --limit die
                                  ersten N Proben; --ablate "layers=3; window=60:120;
                                  otsu=off" (oder "default", paper-table2,
                                  paper-table3) zeichnet jede Schicht bei jedem Aufruf
                                  einmal je Bild auf und wertet jede Einstellung daraus
                                  aus: AUSGABE/ablation.md, ablation.json (Aufbau von
                                  Tabelle II)
  export --model ORDNER --image EINGABE --prompt TEXT [--prompt TEXT ...] --out DATEI
         [--format png|jpg|dcm|seg|pmap] [--grid RxC] [--anonymise] [--overwrite]
         [--boxes CSV] [--colour-map inferno|viridis|jet] [--opacity 0..1]
         [--mask outline|fill|off] [Methodenoptionen wie bei ground]
                                  das annotierte Bild des Betrachters in
                                  Originalauflösung: Heatmap, Maske, Boxen, der Satz,
                                  der Farbbalken und die Forschungszeile; mehrere Sätze
                                  ergeben ein Raster; dcm schreibt ein Secondary
                                  Capture in die Untersuchung der Quelle; seg eine
                                  DICOM-Segmentierung der Otsu-Maske, pmap eine DICOM
                                  Parametric Map der Heatmap (ein Satz, DICOM-Quelle,
                                  deren Auflösung und Untersuchung); überschreibt nie
                                  ohne --overwrite
  merge AUSGABE ORDNER... | merge --out AUSGABE ORDNER...
                                  die Ausgabeordner von evaluate-Teilläufen zu einer
                                  results.jsonl und Zusammenfassung vereinen; siehe
                                  installer/slurm_evaluate.sh für ein Slurm-Job-Array
  pacs echo|find|get|send --server SERVER [--aet UNSERER] [--user NAME] [--timeout S]
                                  SERVER ist dicomweb:http(s)://host:port/dicom-web oder
                                  dimse:AETITEL@host:port; das Passwort von --user kommt
                                  nur aus der Umgebungsvariablen CXRG_PACS_PASSWORD
    find [--patient-id ID] [--patient-name MUSTER] [--date JJJJMMTT-JJJJMMTT]
         [--modality CR] [--accession N] [--level study|series] [--study UID]
         [--limit N]             ein JSON-Objekt je Treffer und Zeile (UIDs,
                                  Patientenname und -ID, Datum, Modalitäten, Instanzen)
    get --study UID [--series UID] --out ORDNER [--move-port PORT]
                                  die Instanzen nach ORDNER, je eine Datei namens
                                  <SOP-Instance-UID>.dcm; DIMSE nutzt C-GET, oder C-MOVE
                                  an unseren AE-Titel, der auf PORT lauscht
    send DATEI...                 speichert die Dateien, je eine Statuszeile
  inspect-model [--expected-keys] ORDNER
                                  einen Modellordner prüfen / die Tensoren auflisten,
                                  die ein gültiger Checkpoint dieser Konfiguration enthält
  bench viewer [--size N] [--repeat K] [--file DICOM]
                                  Zeiten für Öffnen + erste Darstellung und einen
                                  Fensterungsschritt
  bench engine --config ORDNER [--steps N] [--device ...] [--precision ...] [--no-naive]
         [--compare-bf16] [--channels-last on|off] [--quick] [--size N] [--threads N]
                                  naive Pipeline gegen diese Engine, Modell in echter
                                  Größe mit Zufallsgewichten
  help                            dieser Text
""",
    'CXR Ground %1\nChest X-ray viewer': """CXR Ground %1
Thorax-Röntgen-Betrachter mit Zero-Shot-Phrase-Grounding.

Nur für die Forschung - nicht zur Diagnose.""",
    'Sample images: NIH ChestX-ray14': """Beispielbilder: NIH-ChestX-ray14-Bilder mit freundlicher Genehmigung des NIH Clinical Center; Thorax-CR aus dem NEMA-WG04-Kompressionstestsatz; GDCM-Beispieldaten.
Erstellt mit Qt, DCMTK, OpenJPEG, OpenCV und LibTorch.""",
}


def lookup(src):
    if src in DE:
        return DE[src]
    for p, t in PREFIX.items():
        if src.startswith(p):
            return t
    return None


def main(path):
    tree = ET.parse(path)
    missing = []
    for ctx in tree.getroot().findall('context'):
        for m in ctx.findall('message'):
            src = m.find('source').text
            tr = m.find('translation')
            t = lookup(src)
            if t is None:
                missing.append(src)
                continue
            for child in list(tr):
                tr.remove(child)
            tr.attrib.pop('type', None)
            if m.get('numerus') == 'yes':
                tr.text = None
                forms = t if isinstance(t, tuple) else (t, t)
                for f in forms:
                    nf = ET.SubElement(tr, 'numerusform')
                    nf.text = f
            else:
                tr.text = t[0] if isinstance(t, tuple) else t
    tree.write(path, encoding='utf-8', xml_declaration=True)
    with open(path, 'r', encoding='utf-8') as f:
        body = f.read().replace("<?xml version='1.0' encoding='utf-8'?>", '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>', 1)
    with open(path, 'w', encoding='utf-8') as f:
        f.write(body)
    for s in missing:
        print('untranslated:', repr(s)[:120])
    return 1 if missing else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else 'translations/cxr_de.ts'))
