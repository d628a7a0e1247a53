<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>Cli</name>
    <message>
        <location filename="../app/cli_bench.cpp" line="72" />
        <source>bench needs a benchmark name: viewer</source>
        <translation>bench braucht den Namen eines Benchmarks: viewer</translation>
    </message>
    <message>
        <location filename="../app/cli_bench.cpp" line="80" />
        <location filename="../app/cli_main.cpp" line="95" />
        <source>unknown option %1</source>
        <translation>unbekannte Option %1</translation>
    </message>
    <message>
        <location filename="../app/cli_bench.cpp" line="81" />
        <source>bad value for %1</source>
        <translation>ungültiger Wert für %1</translation>
    </message>
    <message>
        <location filename="../app/cli_bench.cpp" line="86" />
        <source>cannot write the benchmark DICOM: %1</source>
        <translation>die Benchmark-DICOM-Datei kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <location filename="../app/cli_engine.cpp" line="74" />
        <source>%1 needs a value</source>
        <translation>%1 braucht einen Wert</translation>
    </message>
    <message>
        <location filename="../app/cli_engine.cpp" line="117" />
        <source>bad value for %1: %2</source>
        <translation>ungültiger Wert für %1: %2</translation>
    </message>
    <message>
        <location filename="../app/cli_engine.cpp" line="185" />
        <source>unknown argument %1</source>
        <translation>unbekanntes Argument %1</translation>
    </message>
    <message>
        <location filename="../app/cli_engine.cpp" line="187" />
        <source>ground needs --model DIR --image IN --prompt TEXT [--prompt TEXT ...] --out DIR</source>
        <translation>ground braucht --model ORDNER --image EINGABE --prompt TEXT [--prompt TEXT ...] --out ORDNER</translation>
    </message>
    <message>
        <location filename="../app/cli_engine.cpp" line="205" />
        <source>%1: cannot create the output folder</source>
        <translation>%1: der Ausgabeordner kann nicht angelegt werden</translation>
    </message>
    <message>
        <location filename="../app/cli_engine.cpp" line="209" />
        <source>%1: cannot create the folder</source>
        <translation>%1: der Ordner kann nicht angelegt werden</translation>
    </message>
    <message>
        <location filename="../app/cli_engine.cpp" line="218" />
        <source>%1: cannot write overlay.png</source>
        <translation>%1: overlay.png kann nicht geschrieben werden</translation>
    </message>
    <message>
        <location filename="../app/cli_engine.cpp" line="251" />
        <source>%1: cannot write result.json</source>
        <translation>%1: result.json kann nicht geschrieben werden</translation>
    </message>
    <message>
        <location filename="../app/cli_engine.cpp" line="259" />
        <source>tokenize needs --model DIR TEXT</source>
        <translation>tokenize braucht --model ORDNER TEXT</translation>
    </message>
    <message>
        <location filename="../app/cli_engine.cpp" line="277" />
        <source>inspect-model needs a model folder</source>
        <translation>inspect-model braucht einen Modellordner</translation>
    </message>
    <message>
        <location filename="../app/cli_main.cpp" line="24" />
        <source>Usage: cxr-ground &lt;command&gt; [options]

Commands:
  info IN                         header facts of an image as JSON
  render IN OUT.png [--window CENTER:WIDTH] [--frame N]
                                  the image as the viewer shows it by default,
                                  8-bit grey (RGB for colour images), original size;
                                  N counts from 1
  ground --model DIR --image IN --prompt TEXT [--prompt TEXT ...] --out DIR
         [--device cpu|cuda] [--precision fp32|bf16|fp16] [--steps N] [--window A:B]
         [--layers L,...] [--threads N] [--no-otsu]
                                  heat maps of the prompts on the image; for prompt k
                                  DIR/&lt;k as 3 digits&gt;/ holds heatmap.npy,
                                  heatmap_smooth.npy, heatmap_original.npy,
                                  overlay.png and result.json
  tokenize --model DIR TEXT       CLIP token ids as JSON {input_ids, length}
  inspect-model [--expected-keys] DIR
                                  validate a model folder / list the tensors a valid
                                  checkpoint of its configuration holds
  bench viewer [--size N] [--repeat K] [--file DICOM]
                                  open + first render and window/level step timings
  bench engine --config DIR [--steps N] [--device ...] [--precision ...] [--no-naive]
                                  naive pipeline vs this engine, real-size random model
  help                            this text
</source>
        <translation>Aufruf: cxr-ground &lt;Befehl&gt; [Optionen]

Befehle:
  info EINGABE                    Header-Angaben eines Bildes als JSON
  render EINGABE AUSGABE.png [--window ZENTRUM:BREITE] [--frame N]
                                  das Bild, wie der Betrachter es standardmäßig zeigt,
                                  8 Bit grau (RGB bei Farbbildern), Originalgröße;
                                  N zählt ab 1
  ground --model ORDNER --image EINGABE --prompt TEXT [--prompt TEXT ...] --out ORDNER
         [--device cpu|cuda] [--precision fp32|bf16|fp16] [--steps N] [--window A:B]
         [--layers L,...] [--threads N] [--no-otsu]
                                  Heatmaps der Sätze auf dem Bild; für Satz k enthält
                                  ORDNER/&lt;k dreistellig&gt;/ heatmap.npy,
                                  heatmap_smooth.npy, heatmap_original.npy,
                                  overlay.png und result.json
  tokenize --model ORDNER TEXT    CLIP-Token-IDs als JSON {input_ids, length}
  inspect-model [--expected-keys] ORDNER
                                  einen Modellordner prüfen / die Tensoren auflisten,
                                  die ein gültiger Checkpoint dieser Konfiguration enthält
  bench viewer [--size N] [--repeat K] [--file DICOM]
                                  Zeiten für Öffnen + erste Darstellung und einen Fensterungsschritt
  bench engine --config ORDNER [--steps N] [--device ...] [--precision ...] [--no-naive]
                                  naive Pipeline gegen diese Engine, Modell in echter Größe mit Zufallsgewichten
  help                            dieser Text
</translation>
    </message>
    <message>
        <location filename="../app/cli_main.cpp" line="62" />
        <source>info needs exactly one input file</source>
        <translation>info braucht genau eine Eingabedatei</translation>
    </message>
    <message>
        <location filename="../app/cli_main.cpp" line="64" />
        <source>%1: the file does not exist</source>
        <translation>%1: die Datei existiert nicht</translation>
    </message>
    <message>
        <location filename="../app/cli_main.cpp" line="86" />
        <source>--window needs CENTER:WIDTH with a positive width, e.g. 2048:4096</source>
        <translation>--window braucht ZENTRUM:BREITE mit positiver Breite, z. B. 2048:4096</translation>
    </message>
    <message>
        <location filename="../app/cli_main.cpp" line="92" />
        <source>--frame needs a frame number (1 = first)</source>
        <translation>--frame braucht eine Bildnummer (1 = erstes Bild)</translation>
    </message>
    <message>
        <location filename="../app/cli_main.cpp" line="100" />
        <source>render needs an input file and an output PNG</source>
        <translation>render braucht eine Eingabedatei und eine Ausgabe-PNG</translation>
    </message>
    <message>
        <location filename="../app/cli_main.cpp" line="120" />
        <source>%1: cannot write the PNG (folder missing, not writable or disk full?)</source>
        <translation>%1: die PNG-Datei kann nicht geschrieben werden (Ordner fehlt, schreibgeschützt oder Datenträger voll?)</translation>
    </message>
    <message>
        <location filename="../app/cli_main.cpp" line="154" />
        <source>unknown command %1</source>
        <translation>unbekannter Befehl %1</translation>
    </message>
</context>
<context>
    <name>J2kText</name>
    <message>
        <location filename="../core/imaging/j2k.cpp" line="68" />
        <source>the JPEG 2000 data is too short (%1 bytes)</source>
        <translation>die JPEG-2000-Daten sind zu kurz (%1 Bytes)</translation>
    </message>
    <message>
        <location filename="../core/imaging/j2k.cpp" line="92" />
        <source>%1 (OpenJPEG: %2)</source>
        <translation>%1 (OpenJPEG: %2)</translation>
    </message>
    <message>
        <location filename="../core/imaging/j2k.cpp" line="97" />
        <source>the JPEG 2000 decoder could not be set up</source>
        <translation>der JPEG-2000-Decoder konnte nicht eingerichtet werden</translation>
    </message>
    <message>
        <location filename="../core/imaging/j2k.cpp" line="101" />
        <source>the JPEG 2000 header is invalid</source>
        <translation>der JPEG-2000-Header ist ungültig</translation>
    </message>
    <message>
        <location filename="../core/imaging/j2k.cpp" line="108" />
        <source>the JPEG 2000 header declares an implausible image (%1 x %2, %3 components)</source>
        <translation>der JPEG-2000-Header beschreibt ein unplausibles Bild (%1 x %2, %3 Komponenten)</translation>
    </message>
    <message>
        <location filename="../core/imaging/j2k.cpp" line="116" />
        <source>the JPEG 2000 data could not be decoded</source>
        <translation>die JPEG-2000-Daten konnten nicht dekodiert werden</translation>
    </message>
    <message>
        <location filename="../core/imaging/j2k.cpp" line="127" />
        <source>JPEG 2000 components with subsampling are not supported</source>
        <translation>JPEG-2000-Komponenten mit Unterabtastung werden nicht unterstützt</translation>
    </message>
</context>
<context>
    <name>Loader</name>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="94" />
        <source>the LUT has no valid LUT Descriptor</source>
        <translation>die LUT hat keinen gültigen LUT Descriptor</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="103" />
        <source>the LUT Descriptor cannot be read</source>
        <translation>der LUT Descriptor kann nicht gelesen werden</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="114" />
        <source>the LUT declares %1 bits per entry (1 to 16 allowed)</source>
        <translation>die LUT gibt %1 Bit pro Eintrag an (1 bis 16 erlaubt)</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="120" />
        <source>the LUT has no LUT Data</source>
        <translation>die LUT hat keine LUT Data</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="133" />
        <source>the LUT Data holds %1 entries but the descriptor declares %2</source>
        <translation>LUT Data enthält %1 Einträge, der Descriptor gibt aber %2 an</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="245" />
        <source>the encapsulated pixel data has no fragments</source>
        <translation>die gekapselten Pixeldaten enthalten keine Fragmente</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="254" />
        <source>fragment %1 of the pixel data cannot be read</source>
        <translation>Fragment %1 der Pixeldaten kann nicht gelesen werden</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="298" />
        <source>frame %1 is not in the pixel data (found %2 of %3 frames)</source>
        <translation>Bild %1 ist nicht in den Pixeldaten (%2 von %3 Bildern gefunden)</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="364" />
        <source>the file ends before its data does: truncated or damaged</source>
        <translation>die Datei endet vor ihren Daten: abgeschnitten oder beschädigt</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="366" />
        <source>the data set structure is damaged: %1</source>
        <translation>die Struktur des Datensatzes ist beschädigt: %1</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="412" />
        <location filename="../core/imaging/dicom_loader.cpp" line="637" />
        <source>%1: not a readable DICOM file (%2)</source>
        <translation>%1: keine lesbare DICOM-Datei (%2)</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="425" />
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="428" />
        <source>the file does not exist</source>
        <translation>die Datei existiert nicht</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="429" />
        <source>the file cannot be read (permission denied)</source>
        <translation>die Datei kann nicht gelesen werden (keine Berechtigung)</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="433" />
        <source>not a readable DICOM file (%1)</source>
        <translation>keine lesbare DICOM-Datei (%1)</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="442" />
        <source>the file has no pixel data (it is not an image: %1)</source>
        <translation>die Datei enthält keine Pixeldaten (sie ist kein Bild: %1)</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="443" />
        <source>unknown object</source>
        <translation>unbekanntes Objekt</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="446" />
        <source>the Rows or Columns attribute is missing or zero</source>
        <translation>das Attribut Rows oder Columns fehlt oder ist null</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="448" />
        <source>Number of Frames is not a positive number</source>
        <translation>Number of Frames ist keine positive Zahl</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="450" />
        <source>Bits Allocated is %1; only 8, 16 and 32 are supported</source>
        <translation>Bits Allocated ist %1; nur 8, 16 und 32 werden unterstützt</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="453" />
        <source>Bits Stored (%1) / High Bit (%2) do not fit Bits Allocated (%3)</source>
        <translation>Bits Stored (%1) / High Bit (%2) passen nicht zu Bits Allocated (%3)</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="456" />
        <source>%1 bits stored per sample are not supported (at most 24)</source>
        <translation>%1 gespeicherte Bit pro Abtastwert werden nicht unterstützt (höchstens 24)</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="458" />
        <source>Samples per Pixel is %1; only 1 (grey) and 3 (colour) are supported</source>
        <translation>Samples per Pixel ist %1; nur 1 (Graustufen) und 3 (Farbe) werden unterstützt</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="462" />
        <source>the photometric interpretation %1 is not supported</source>
        <translation>die photometrische Interpretation %1 wird nicht unterstützt</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="464" />
        <source>frame %1 does not exist (the file has %2 frames)</source>
        <translation>Bild %1 existiert nicht (die Datei hat %2 Bilder)</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="468" />
        <source>the header declares %1 x %2 pixels x %3 frames, more than this viewer accepts; the file is refused</source>
        <translation>der Header gibt %1 x %2 Pixel x %3 Bilder an, mehr als dieser Betrachter annimmt; die Datei wird abgelehnt</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="475" />
        <location filename="../core/imaging/dicom_loader.cpp" line="544" />
        <source>the pixel data element cannot be read</source>
        <translation>das Pixeldaten-Element kann nicht gelesen werden</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="490" />
        <source>the compressed pixel data cannot be read (file damaged?)</source>
        <translation>die komprimierten Pixeldaten können nicht gelesen werden (Datei beschädigt?)</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="498" />
        <source>the compressed pixel data is empty</source>
        <translation>die komprimierten Pixeldaten sind leer</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="501" />
        <source>the header declares %1 x %2 pixels but there are only %3 bytes of compressed data; the file is refused</source>
        <translation>der Header gibt %1 x %2 Pixel an, es gibt aber nur %3 Bytes komprimierter Daten; die Datei wird abgelehnt</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="511" />
        <source>JPEG 2000 frame %1: %2</source>
        <translation>JPEG-2000-Bild %1: %2</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="513" />
        <source>the JPEG 2000 image is %1 x %2 with %3 components but the header says %4 x %5 with %6</source>
        <translation>das JPEG-2000-Bild ist %1 x %2 mit %3 Komponenten, der Header nennt aber %4 x %5 mit %6</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="521" />
        <source>the JPEG 2000 codestream and the header disagree on signedness; the header (Pixel Representation) is used</source>
        <translation>JPEG-2000-Codestream und Header widersprechen sich beim Vorzeichen; der Header (Pixel Representation) gilt</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="530" />
        <source>the pixel data (%1) cannot be decoded: %2</source>
        <translation>die Pixeldaten (%1) können nicht dekodiert werden: %2</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="548" />
        <source>the pixel data is truncated: %1 bytes present, %2 x %3 x %4 frame(s) at %5 bits need %6</source>
        <translation>die Pixeldaten sind abgeschnitten: %1 Bytes vorhanden, %2 x %3 x %4 Bild(er) mit %5 Bit brauchen %6</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="558" />
        <source>the pixel data cannot be read (file damaged or truncated)</source>
        <translation>die Pixeldaten können nicht gelesen werden (Datei beschädigt oder abgeschnitten)</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="561" />
        <source>the pixel data is truncated</source>
        <translation>die Pixeldaten sind abgeschnitten</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="583" />
        <source>the colour model %1 is not supported</source>
        <translation>das Farbmodell %1 wird nicht unterstützt</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="597" />
        <source>Modality LUT ignored: %1</source>
        <translation>Modality LUT ignoriert: %1</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="606" />
        <source>VOI LUT ignored: %1</source>
        <translation>VOI LUT ignoriert: %1</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="623" />
        <source>the window in the header (C %1 / W %2) misses the pixel values (%3 to %4); an automatic window is used</source>
        <translation>das Fenster im Header (Z %1 / B %2) trifft die Pixelwerte (%3 bis %4) nicht; ein automatisches Fenster wird verwendet</translation>
    </message>
    <message numerus="yes">
        <location filename="../core/imaging/dicom_loader.cpp" line="653" />
        <source>%n item(s)</source>
        <translation><numerusform>%n Element</numerusform><numerusform>%n Elemente</numerusform></translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="659" />
        <source>Item %1</source>
        <translation>Element %1</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="666" />
        <source>(%1 bytes)</source>
        <translation>(%1 Bytes)</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="669" />
        <source>(%1 bytes of binary data)</source>
        <translation>(%1 Bytes Binärdaten)</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../ui/download_dialog.cpp" line="21" />
        <source>%1 kB</source>
        <translation>%1 kB</translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.cpp" line="22" />
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.cpp" line="23" />
        <source>%1 GB</source>
        <translation>%1 GB</translation>
    </message>
</context>
<context>
    <name>RasterText</name>
    <message>
        <location filename="../core/imaging/raster_loader.cpp" line="34" />
        <source>%1: the file cannot be opened (%2)</source>
        <translation>%1: die Datei kann nicht geöffnet werden (%2)</translation>
    </message>
    <message>
        <location filename="../core/imaging/raster_loader.cpp" line="40" />
        <location filename="../core/imaging/raster_loader.cpp" line="132" />
        <source>%1: not an image this application can read (neither DICOM nor PNG, JPEG, TIFF or BMP)</source>
        <translation>%1: kein Bild, das diese Anwendung lesen kann (weder DICOM noch PNG, JPEG, TIFF oder BMP)</translation>
    </message>
    <message>
        <location filename="../core/imaging/raster_loader.cpp" line="52" />
        <source>%1: the %2 data is damaged or truncated and cannot be decoded</source>
        <translation>%1: die %2-Daten sind beschädigt oder abgeschnitten und können nicht dekodiert werden</translation>
    </message>
    <message>
        <location filename="../core/imaging/raster_loader.cpp" line="57" />
        <source>%1: only 8- and 16-bit images are supported</source>
        <translation>%1: nur 8- und 16-Bit-Bilder werden unterstützt</translation>
    </message>
    <message>
        <location filename="../core/imaging/raster_loader.cpp" line="104" />
        <source>Full range</source>
        <translation>Gesamter Wertebereich</translation>
    </message>
    <message>
        <location filename="../core/imaging/raster_loader.cpp" line="112" />
        <source>%1: the file does not exist</source>
        <translation>%1: die Datei existiert nicht</translation>
    </message>
    <message>
        <location filename="../core/imaging/raster_loader.cpp" line="121" />
        <source>%1: frame %2 does not exist (the file has 1 frame)</source>
        <translation>%1: Bild %2 existiert nicht (die Datei hat 1 Bild)</translation>
    </message>
</context>
<context>
    <name>ScanText</name>
    <message>
        <location filename="../core/imaging/scan.cpp" line="86" />
        <source>DICOMDIR cannot be read (%1); the folder is scanned instead</source>
        <translation>DICOMDIR kann nicht gelesen werden (%1); stattdessen wird der Ordner durchsucht</translation>
    </message>
    <message>
        <location filename="../core/imaging/scan.cpp" line="131" />
        <source>(no patient: image files)</source>
        <translation>(kein Patient: Bilddateien)</translation>
    </message>
    <message>
        <location filename="../core/imaging/scan.cpp" line="144" />
        <source>%1: DICOM object without an image (%2)</source>
        <translation>%1: DICOM-Objekt ohne Bild (%2)</translation>
    </message>
    <message>
        <location filename="../core/imaging/scan.cpp" line="151" />
        <source>%1: listed in DICOMDIR but missing or not DICOM</source>
        <translation>%1: im DICOMDIR aufgeführt, aber fehlend oder kein DICOM</translation>
    </message>
</context>
<context>
    <name>cxr::ui::App</name>
    <message>
        <location filename="../ui/app.cpp" line="94" />
        <source>Chest X-ray viewer (research use only - not for diagnosis).</source>
        <translation>Thorax-Röntgen-Betrachter (nur für die Forschung - nicht zur Diagnose).</translation>
    </message>
    <message>
        <location filename="../ui/app.cpp" line="97" />
        <source>DICOM, PNG or JPEG files or folders to open.</source>
        <translation>Zu öffnende DICOM-, PNG- oder JPEG-Dateien oder Ordner.</translation>
    </message>
    <message>
        <location filename="../ui/app.cpp" line="100" />
        <source>Grab the main window once the image is shown, write it to &lt;png&gt; and exit.</source>
        <translation>Das Hauptfenster aufnehmen, sobald das Bild angezeigt wird, als &lt;png&gt; speichern und beenden.</translation>
    </message>
    <message>
        <location filename="../ui/app.cpp" line="102" />
        <source>Colour theme: dark or light.</source>
        <translation>Farbschema: dark (dunkel) oder light (hell).</translation>
    </message>
    <message>
        <location filename="../ui/app.cpp" line="103" />
        <source>Interface language: en or de.</source>
        <translation>Sprache der Oberfläche: en oder de.</translation>
    </message>
    <message>
        <location filename="../ui/app.cpp" line="104" />
        <source>Window size, e.g. 1280x860.</source>
        <translation>Fenstergröße, z. B. 1280x860.</translation>
    </message>
    <message>
        <location filename="../ui/app.cpp" line="105" />
        <source>Open the bundled sample study.</source>
        <translation>Die mitgelieferte Beispielstudie öffnen.</translation>
    </message>
    <message>
        <location filename="../ui/app.cpp" line="106" />
        <source>Model folder for grounding.</source>
        <translation>Modellordner für das Grounding.</translation>
    </message>
    <message>
        <location filename="../ui/app.cpp" line="108" />
        <source>Sentence to ground on the first image (repeatable).</source>
        <translation>Satz, der auf dem ersten Bild verortet wird (wiederholbar).</translation>
    </message>
    <message>
        <location filename="../ui/app.cpp" line="110" />
        <source>Benchmark: ground the prompts, print the longest event-loop stall as JSON and exit.</source>
        <translation>Benchmark: die Sätze verorten, die längste Blockade der Ereignisschleife als JSON ausgeben und beenden.</translation>
    </message>
    <message>
        <location filename="../ui/app.cpp" line="112" />
        <source>Ground-truth boxes: an MS-CXR CSV matched to the images shown.</source>
        <translation>Referenz-Boxen: eine MS-CXR-CSV, die den gezeigten Bildern zugeordnet wird.</translation>
    </message>
    <message>
        <location filename="../ui/app.cpp" line="147" />
        <source>cannot write the screenshot %1</source>
        <translation>der Bildschirmfoto %1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <location filename="../ui/app.cpp" line="169" />
        <source>timed out waiting for the image</source>
        <translation>Zeitüberschreitung beim Warten auf das Bild</translation>
    </message>
    <message>
        <location filename="../ui/app.cpp" line="187" />
        <source>--bench-stall needs --model and --prompt</source>
        <translation>--bench-stall braucht --model und --prompt</translation>
    </message>
</context>
<context>
    <name>cxr::ui::DownloadDialog</name>
    <message>
        <location filename="../ui/download_dialog.cpp" line="31" />
        <source>Download the model</source>
        <translation>Das Modell herunterladen</translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.cpp" line="37" />
        <source>Downloads the MONAI chest X-ray latent diffusion bundle and the Stable Diffusion 2.1 text encoder and tokenizer (about 2.5 GB) from their official locations (Settings &gt; Model names mirrors). An interrupted download resumes where it stopped; the model folder appears only when every file is complete.</source>
        <translation>Lädt das MONAI-Latent-Diffusion-Bundle für Thoraxaufnahmen sowie Text-Encoder und Tokenizer von Stable Diffusion 2.1 (etwa 2,5 GB) von ihren offiziellen Adressen (Spiegelserver unter Einstellungen &gt; Modell). Ein unterbrochener Download wird dort fortgesetzt, wo er stehen blieb; der Modellordner erscheint erst, wenn jede Datei vollständig ist.</translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.cpp" line="45" />
        <source>Save to:</source>
        <translation>Speichern unter:</translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.cpp" line="47" />
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.cpp" line="64" />
        <location filename="../ui/download_dialog.cpp" line="125" />
        <source>Download</source>
        <translation>Herunterladen</translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.cpp" line="65" />
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.cpp" line="70" />
        <source>A previous download into this folder was interrupted; it will resume.</source>
        <translation>Ein früherer Download in diesen Ordner wurde unterbrochen; er wird fortgesetzt.</translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.cpp" line="73" />
        <source>Parent folder of the model</source>
        <translation>Übergeordneter Ordner des Modells</translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.cpp" line="92" />
        <source>Choose where to save the model.</source>
        <translation>Wählen, wo das Modell gespeichert wird.</translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.cpp" line="96" />
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.cpp" line="103" />
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.cpp" line="104" />
        <source>Connecting…</source>
        <translation>Verbindung wird aufgebaut…</translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.cpp" line="111" />
        <source>File %1 of %2: %3</source>
        <translation>Datei %1 von %2: %3</translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.cpp" line="115" />
        <source>, about %1 min left</source>
        <translation>, noch etwa %1 min</translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.cpp" line="117" />
        <source>%1 of %2 at %3/s%4</source>
        <translation>%1 von %2 mit %3/s%4</translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.cpp" line="125" />
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <location filename="../ui/download_dialog.cpp" line="127" />
        <source>The model is complete in %1.</source>
        <translation>Das Modell liegt vollständig in %1.</translation>
    </message>
</context>
<context>
    <name>cxr::ui::GroundingPanel</name>
    <message>
        <location filename="../ui/grounding.cpp" line="337" />
        <source>Grounding</source>
        <translation>Grounding</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="351" />
        <source>Choose model folder…</source>
        <translation>Modellordner wählen…</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="356" />
        <source>demo model - random weights: the maps mean nothing</source>
        <translation>Demo-Modell - Zufallsgewichte: die Karten bedeuten nichts</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="360" />
        <source>Report sentence (Ctrl+Enter grounds it):</source>
        <translation>Befundsatz (Strg+Eingabe verortet ihn):</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="362" />
        <source>e.g. Small left pleural effusion</source>
        <translation>z. B. Kleiner Pleuraerguss links</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="366" />
        <source>Ground</source>
        <translation>Verorten</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="367" />
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="391" />
        <source>Words (click one for its own map, again for the sentence):</source>
        <translation>Wörter (eines anklicken für seine eigene Karte, erneut für den Satz):</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="420" />
        <source>Opacity:</source>
        <translation>Deckkraft:</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="469" />
        <source>Model: %1
%2 M parameters, %3, %4 threads</source>
        <translation>Modell: %1
%2 Mio. Parameter, %3, %4 Threads</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="483" />
        <source>The model folder cannot be used:
%1</source>
        <translation>Der Modellordner kann nicht verwendet werden:
%1</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="571" />
        <source>Loading the model from %1…</source>
        <translation>Das Modell wird aus %1 geladen…</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="598" />
        <source>Model folder</source>
        <translation>Modellordner</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="672" />
        <source>Type or paste a sentence to ground.</source>
        <translation>Einen Satz zum Verorten eingeben oder einfügen.</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="683" />
        <source>No usable model is loaded.</source>
        <translation>Es ist kein verwendbares Modell geladen.</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="211" />
        <source>%1 steps, calls %2-%3, layers %4</source>
        <translation>%1 Schritte, Aufrufe %2-%3, Schichten %4</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="216" />
        <source>, no Otsu</source>
        <translation>, ohne Otsu</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="352" />
        <source>Download model…</source>
        <translation>Modell herunterladen…</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="368" />
        <source>Method…</source>
        <translation>Methode…</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="369" />
        <source>Inversion steps, attention window, layers and Otsu mask for new prompts</source>
        <translation>Inversionsschritte, Attention-Fenster, Schichten und Otsu-Maske für neue Sätze</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="384" />
        <source>Grounded prompts on this image (double-click renames, right-click for more):</source>
        <translation>Verortete Sätze auf diesem Bild (Doppelklick benennt um, Rechtsklick für mehr):</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="407" />
        <source>Heat map</source>
        <translation>Heatmap</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="424" />
        <source>Heat values at or below this are transparent</source>
        <translation>Heatmap-Werte bis zu diesem Wert sind durchsichtig</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="429" />
        <source>Hide below:</source>
        <translation>Ausblenden bis:</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="431" />
        <source>Outline</source>
        <translation>Umriss</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="432" />
        <source>Fill</source>
        <translation>Füllung</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="433" />
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="435" />
        <source>Colour of the Otsu mask</source>
        <translation>Farbe der Otsu-Maske</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="440" />
        <source>Otsu mask:</source>
        <translation>Otsu-Maske:</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="535" />
        <source>Mask colour</source>
        <translation>Maskenfarbe</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="538" />
        <source>No model: choose the folder that holds configs/, models/, text_encoder/ and tokenizer/, or download it.</source>
        <translation>Kein Modell: den Ordner wählen, der configs/, models/, text_encoder/ und tokenizer/ enthält, oder es herunterladen.</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="539" />
        <location filename="../ui/grounding.cpp" line="617" />
        <source>Method: %1</source>
        <translation>Methode: %1</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="618" />
        <source> (not the paper's settings)</source>
        <translation> (nicht die Einstellungen der Veröffentlichung)</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="655" />
        <source>%1
%2
%3 UNet calls, %4 s%5</source>
        <translation>%1
%2
%3 UNet-Aufrufe, %4 s%5</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="661" />
        <source>
Longer than 77 tokens: the end was cut off.</source>
        <translation>
Länger als 77 Token: das Ende wurde abgeschnitten.</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="688" />
        <source>No image is open.</source>
        <translation>Es ist kein Bild geöffnet.</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="711" />
        <source>From the results cache (no model call).</source>
        <translation>Aus dem Ergebnis-Cache (kein Modellaufruf).</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/grounding.cpp" line="727" />
        <source>Queued (%n request(s) waiting).</source>
        <translation><numerusform>In der Warteschlange (%n Anfrage wartet).</numerusform><numerusform>In der Warteschlange (%n Anfragen warten).</numerusform></translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="741" />
        <source>Starting…</source>
        <translation>Start…</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="761" />
        <source>loading the model</source>
        <translation>Modell wird geladen</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="761" />
        <source>encoding the image</source>
        <translation>Bild wird kodiert</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="762" />
        <source>encoding the text</source>
        <translation>Text wird kodiert</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="762" />
        <source>inverting the image</source>
        <translation>Bild wird invertiert (DDIM)</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="763" />
        <source>reading attention</source>
        <translation>Aufmerksamkeit wird gelesen</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="763" />
        <source>building the heat map</source>
        <translation>Heatmap wird erstellt</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="769" />
        <source>, about %1 s left</source>
        <translation>, noch etwa %1 s</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="771" />
        <source>%1: %2 of %3%4</source>
        <translation>%1: %2 von %3%4</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/grounding.cpp" line="772" />
        <source> (%n more queued)</source>
        <translation><numerusform> (%n weitere wartet)</numerusform><numerusform> (%n weitere warten)</numerusform></translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="780" />
        <source>%1 [%2]</source>
        <translation>%1 [%2]</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="803" />
        <source>Done in %1 s (%2 UNet calls)</source>
        <translation>Fertig in %1 s (%2 UNet-Aufrufe)</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="850" />
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="851" />
        <source>Re-run with other settings…</source>
        <translation>Mit anderen Einstellungen erneut ausführen…</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="852" />
        <source>Copy sentence to the prompt box</source>
        <translation>Satz in das Eingabefeld kopieren</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="854" />
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="861" />
        <source>Re-run "%1"</source>
        <translation>„%1“ erneut ausführen</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="957" />
        <source>Metrics: select a grounded prompt.</source>
        <translation>Metriken: einen verorteten Satz auswählen.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/grounding.cpp" line="970" />
        <source>%n box(es) of this sentence</source>
        <translation><numerusform>%n Box dieses Satzes</numerusform><numerusform>%n Boxen dieses Satzes</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/grounding.cpp" line="971" />
        <source>all %n box(es)</source>
        <translation><numerusform>die %n Box</numerusform><numerusform>alle %n Boxen</numerusform></translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="973" />
        <source>Metrics against %1: computing…</source>
        <translation>Metriken gegen %1: wird berechnet…</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="990" />
        <source>Against %1:
|CNR| %2   CNR %3
mIoU %4 %   AUC-ROC %5 % (exact %6 %)</source>
        <translation>Gegen %1:
|CNR| %2   CNR %3
mIoU %4 %   AUC-ROC %5 % (exakt %6 %)</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="754" />
        <location filename="../ui/grounding.cpp" line="815" />
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
</context>
<context>
    <name>cxr::ui::GroundingWorker</name>
    <message>
        <location filename="../ui/grounding.cpp" line="56" />
        <source>No model is loaded.</source>
        <translation>Es ist kein Modell geladen.</translation>
    </message>
</context>
<context>
    <name>cxr::ui::MainWindow</name>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="87" />
        <source>%n frame(s)</source>
        <translation><numerusform>%n Bild</numerusform><numerusform>%n Bilder</numerusform></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="136" />
        <source>CXR Ground</source>
        <translation>CXR Ground</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="142" />
        <source>Studies</source>
        <translation>Studien</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="199" />
        <source>&amp;Open files…</source>
        <translation>Dateien ö&amp;ffnen…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="200" />
        <source>Open &amp;folder…</source>
        <translation>&amp;Ordner öffnen…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="200" />
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="201" />
        <source>Open &amp;sample study</source>
        <translation>&amp;Beispielstudie öffnen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="202" />
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="203" />
        <source>&amp;Fit to window</source>
        <translation>An &amp;Fenster anpassen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="204" />
        <source>&amp;Actual pixels (1:1)</source>
        <translation>&amp;Originalpixel (1:1)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="205" />
        <source>Zoom &amp;in</source>
        <translation>&amp;Vergrößern</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="207" />
        <source>Zoom &amp;out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="209" />
        <source>&amp;Invert</source>
        <translation>&amp;Invertieren</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="211" />
        <source>Rotate &amp;right</source>
        <translation>Nach &amp;rechts drehen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="212" />
        <source>Rotate &amp;left</source>
        <translation>Nach &amp;links drehen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="213" />
        <source>Flip &amp;horizontally</source>
        <translation>&amp;Horizontal spiegeln</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="214" />
        <source>Show &amp;heat map</source>
        <translation>&amp;Heatmap zeigen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="215" />
        <source>Show Otsu &amp;mask</source>
        <translation>Otsu-&amp;Maske zeigen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="216" />
        <source>Show ground-truth &amp;boxes</source>
        <translation>Referenz-&amp;Boxen zeigen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="217" />
        <source>&amp;Draw and edit boxes</source>
        <translation>Boxen &amp;zeichnen und bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="218" />
        <source>Load ground-truth boxes (MS-CXR CSV)…</source>
        <translation>Referenz-Boxen laden (MS-CXR-CSV)…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="218" />
        <source>Ctrl+Shift+B</source>
        <translation>Ctrl+Shift+B</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="219" />
        <source>Remove the boxes of this image</source>
        <translation>Die Boxen dieses Bildes entfernen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="224" />
        <source>Flip &amp;vertically</source>
        <translation>V&amp;ertikal spiegeln</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="225" />
        <source>&amp;Reset view</source>
        <translation>Ansicht &amp;zurücksetzen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="227" />
        <source>Next frame</source>
        <translation>Nächstes Bild</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="228" />
        <source>Previous frame</source>
        <translation>Vorheriges Bild</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="229" />
        <source>DICOM &amp;tags…</source>
        <translation>DICOM-&amp;Tags…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="230" />
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="231" />
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="232" />
        <source>&amp;About CXR Ground</source>
        <translation>Ü&amp;ber CXR Ground</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="233" />
        <source>&amp;Dark theme</source>
        <translation>&amp;Dunkles Farbschema</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="234" />
        <source>&amp;Light theme</source>
        <translation>&amp;Helles Farbschema</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="272" />
        <source>Box editing: drag on the image to draw a box, drag a box or its handles to move or resize it, Delete removes the selected box. D ends editing.</source>
        <translation>Boxen bearbeiten: auf dem Bild ziehen zeichnet eine Box, eine Box oder ihre Griffe ziehen verschiebt sie oder ändert ihre Größe, Entf löscht die gewählte Box. D beendet die Bearbeitung.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="316" />
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="319" />
        <source>Open &amp;recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="326" />
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="338" />
        <source>&amp;Grounding</source>
        <translation>&amp;Grounding</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="342" />
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="349" />
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="354" />
        <source> Window: </source>
        <translation> Fenster: </translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="357" />
        <source>Window presets (from the file and for chest images)</source>
        <translation>Fenstervorgaben (aus der Datei und für Thoraxbilder)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="371" />
        <source>Frame </source>
        <translation>Bild </translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="399" />
        <source>Cancel scan</source>
        <translation>Suche abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="412" />
        <source>Open images</source>
        <translation>Bilder öffnen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="413" />
        <source>Images (*.dcm *.dicom *.DCM *.png *.jpg *.jpeg *.tif *.tiff);;All files (*)</source>
        <translation>Bilder (*.dcm *.dicom *.DCM *.png *.jpg *.jpeg *.tif *.tiff);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="420" />
        <source>Open folder</source>
        <translation>Ordner öffnen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="438" />
        <source>%1: not a folder</source>
        <translation>%1: kein Ordner</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="447" />
        <source>The sample study was not found (set CXRG_SAMPLES to its folder).</source>
        <translation>Die Beispielstudie wurde nicht gefunden (CXRG_SAMPLES auf ihren Ordner setzen).</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="465" />
        <source>Loading %1…</source>
        <translation>%1 wird geladen…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="493" />
        <source>%1 - CXR Ground</source>
        <translation>%1 - CXR Ground</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="499" />
        <source> of %1</source>
        <translation> von %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="527" />
        <source>Scanning %1…</source>
        <translation>%1 wird durchsucht…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="541" />
        <source>%1 files</source>
        <translation>%1 Dateien</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="554" />
        <source>Scan cancelled</source>
        <translation>Suche abgebrochen</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="560" />
        <source>%n file(s) could not be read and were skipped.</source>
        <translation><numerusform>%n Datei konnte nicht gelesen werden und wurde übersprungen.</numerusform><numerusform>%n Dateien konnten nicht gelesen werden und wurden übersprungen.</numerusform></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="565" />
        <source>Unreadable files</source>
        <translation>Nicht lesbare Dateien</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="594" />
        <source>(no name)</source>
        <translation>(kein Name)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="603" />
        <source>Study</source>
        <translation>Studie</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="609" />
        <source>Series %1 %2 %3</source>
        <translation>Serie %1 %2 %3</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="663" />
        <source>%1: the file no longer exists; it was removed from the recent files.</source>
        <translation>%1: die Datei existiert nicht mehr; sie wurde aus der Liste der zuletzt geöffneten Dateien entfernt.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="669" />
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="671" />
        <source>Clear list</source>
        <translation>Liste leeren</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="680" />
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="683" />
        <source>File window %1</source>
        <translation>Fenster %1 der Datei</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="684" />
        <source>%1 (C %2 / W %3)</source>
        <translation>%1 (Z %2 / B %3)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="687" />
        <source>VOI LUT of the file</source>
        <translation>VOI LUT der Datei</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="689" />
        <source>Automatic (0.5-99.5 %)</source>
        <translation>Automatisch (0,5-99,5 %)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="692" />
        <source>Full range</source>
        <translation>Gesamter Wertebereich</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="695" />
        <source>Lung (C -600 / W 1500)</source>
        <translation>Lunge (Z -600 / B 1500)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="696" />
        <source>Mediastinum (C 40 / W 400)</source>
        <translation>Mediastinum (Z 40 / B 400)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="697" />
        <source>Bone (C 480 / W 2500)</source>
        <translation>Knochen (Z 480 / B 2500)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="700" />
        <source>High contrast</source>
        <translation>Hoher Kontrast</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="701" />
        <source>Low contrast</source>
        <translation>Niedriger Kontrast</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="746" />
        <source>demo model - random weights</source>
        <translation>Demo-Modell - Zufallsgewichte</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="787" />
        <source>heat: "%1"</source>
        <translation>Heatmap: „%1“</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="788" />
        <source>heat (normalised)</source>
        <translation>Heatmap (normiert)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="816" />
        <source>The CSV gives this image as %1 x %2 pixels; its boxes were scaled to %3 x %4.</source>
        <translation>Die CSV nennt für dieses Bild %1 x %2 Pixel; seine Boxen wurden auf %3 x %4 skaliert.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="850" />
        <source>%1: %2 sentences with %3 boxes (%4 skipped); %5 box(es) on this image.</source>
        <translation>%1: %2 Sätze mit %3 Boxen (%4 übersprungen); %5 Box(en) auf diesem Bild.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="858" />
        <source>Cannot read the ground-truth CSV: %1</source>
        <translation>Die Referenz-CSV kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="864" />
        <source>MS-CXR ground-truth CSV</source>
        <translation>MS-CXR-Referenz-CSV</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="865" />
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="887" />
        <source>x %1  y %2</source>
        <translation>x %1  y %2</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="889" />
        <source>RGB %1, %2, %3</source>
        <translation>RGB %1, %2, %3</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="895" />
        <source>stored %1  value %2</source>
        <translation>gespeichert %1  Wert %2</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="902" />
        <source>  heat: not analysed</source>
        <translation>  Heatmap: nicht analysiert</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="902" />
        <source>  heat %1</source>
        <translation>  Heatmap %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="911" />
        <source>VOI LUT</source>
        <translation>VOI LUT</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="913" />
        <source>C %1  W %2</source>
        <translation>Z %1  B %2</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="914" />
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="916" />
        <source>%1 × %2 mm/px</source>
        <translation>%1 × %2 mm/Pixel</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="916" />
        <source>spacing unknown</source>
        <translation>Pixelabstand unbekannt</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="928" />
        <source>Cannot open</source>
        <translation>Öffnen nicht möglich</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="992" />
        <source>About CXR Ground</source>
        <translation>Über CXR Ground</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="995" />
        <source>CXR Ground %1
Chest X-ray viewer with zero-shot phrase grounding.

Research use only - not for diagnosis.</source>
        <translation>CXR Ground %1
Thorax-Röntgen-Betrachter mit Zero-Shot-Phrase-Grounding.

Nur für die Forschung - nicht zur Diagnose.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="998" />
        <source>Sample images: NIH ChestX-ray14 images courtesy of the NIH Clinical Center; CR chest from the NEMA WG04 compression test set; GDCM sample data.
Built with Qt, DCMTK, OpenJPEG, OpenCV and LibTorch.</source>
        <translation>Beispielbilder: NIH-ChestX-ray14-Bilder mit freundlicher Genehmigung des NIH Clinical Center; Thorax-CR aus dem NEMA-WG04-Kompressionstestsatz; GDCM-Beispieldaten.
Erstellt mit Qt, DCMTK, OpenJPEG, OpenCV und LibTorch.</translation>
    </message>
</context>
<context>
    <name>cxr::ui::MethodDialog</name>
    <message>
        <location filename="../ui/grounding.cpp" line="222" />
        <source>Method settings</source>
        <translation>Methodeneinstellungen</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="224" />
        <source>The paper's settings are 300 inversion steps, the attention window of calls 120-179 and cross-attention layers 3, 4, 6, 7 with the Otsu mask.</source>
        <translation>Die Einstellungen der Veröffentlichung sind 300 Inversionsschritte, das Attention-Fenster der Aufrufe 120-179 und die Cross-Attention-Schichten 3, 4, 6, 7 mit Otsu-Maske.</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="233" />
        <source>Inversion steps:</source>
        <translation>Inversionsschritte:</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="234" />
        <source>Window from the steps (middle fifth)</source>
        <translation>Fenster aus den Schritten (mittleres Fünftel)</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="243" />
        <source>First call of the window:</source>
        <translation>Erster Aufruf des Fensters:</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="244" />
        <source>Last call of the window:</source>
        <translation>Letzter Aufruf des Fensters:</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="249" />
        <source>Cross-attention layers in execution order, counted from 0 (this model has %1).</source>
        <translation>Cross-Attention-Schichten in Ausführungsreihenfolge, ab 0 gezählt (dieses Modell hat %1).</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="250" />
        <source>Layers:</source>
        <translation>Schichten:</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="251" />
        <source>Mask the map with its Otsu threshold</source>
        <translation>Die Karte mit ihrem Otsu-Schwellwert maskieren</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="313" />
        <source>"%1" is not a layer number.</source>
        <translation>„%1“ ist keine Schichtnummer.</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="315" />
        <source>Name at least one layer.</source>
        <translation>Mindestens eine Schicht angeben.</translation>
    </message>
</context>
<context>
    <name>cxr::ui::SettingsDialog</name>
    <message>
        <location filename="../ui/dialogs.cpp" line="133" />
        <source>No model folder is set.</source>
        <translation>Es ist kein Modellordner eingestellt.</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="135" />
        <source>%1 is not a folder.</source>
        <translation>%1 ist kein Ordner.</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="142" />
        <source>Usable: every file is present and every tensor matches its configuration.</source>
        <translation>Verwendbar: jede Datei ist vorhanden und jeder Tensor passt zu seiner Konfiguration.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/dialogs.cpp" line="144" />
        <source>This folder cannot be used (%n problem(s)):</source>
        <translation><numerusform>Dieser Ordner kann nicht verwendet werden (%n Problem):</numerusform><numerusform>Dieser Ordner kann nicht verwendet werden (%n Probleme):</numerusform></translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="149" />
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="149" />
        <source>not present (optional)</source>
        <translation>nicht vorhanden (optional)</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="153" />
        <source>ok, %1 kB</source>
        <translation>in Ordnung, %1 kB</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="154" />
        <source>ok, %1 MB</source>
        <translation>in Ordnung, %1 MB</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="158" />
        <source>Note: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="163" />
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="175" />
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="176" />
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="178" />
        <source>Theme:</source>
        <translation>Farbschema:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="180" />
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="185" />
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="187" />
        <source>A new language takes effect when the application is restarted.</source>
        <translation>Eine neue Sprache wird nach einem Neustart der Anwendung wirksam.</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="191" />
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="198" />
        <source>Folder with configs/, models/, text_encoder/ and tokenizer/</source>
        <translation>Ordner mit configs/, models/, text_encoder/ und tokenizer/</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="199" />
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="200" />
        <source>Download…</source>
        <translation>Herunterladen…</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="201" />
        <source>Model folder:</source>
        <translation>Modellordner:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="214" />
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="214" />
        <source>CUDA GPU %1</source>
        <translation>CUDA-GPU %1</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="216" />
        <source>This build of LibTorch has no CUDA support, or no GPU was found.</source>
        <translation>Diese LibTorch-Version unterstützt kein CUDA, oder es wurde keine GPU gefunden.</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="219" />
        <source>Device:</source>
        <translation>Gerät:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="221" />
        <source>fp32 (exact, as the paper)</source>
        <translation>fp32 (exakt, wie in der Veröffentlichung)</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="222" />
        <source>bf16 (faster on GPUs)</source>
        <translation>bf16 (schneller auf GPUs)</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="223" />
        <source>fp16 (faster on GPUs)</source>
        <translation>fp16 (schneller auf GPUs)</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="226" />
        <source>Precision:</source>
        <translation>Genauigkeit:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="229" />
        <source>all cores (%1)</source>
        <translation>alle Kerne (%1)</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="231" />
        <source>CPU threads:</source>
        <translation>CPU-Threads:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="235" />
        <source>Diffusion bundle from:</source>
        <translation>Diffusions-Bundle von:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="236" />
        <source>Text encoder from:</source>
        <translation>Text-Encoder von:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="238" />
        <source>Official download locations</source>
        <translation>Offizielle Download-Adressen</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="245" />
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="253" />
        <source>Model folder</source>
        <translation>Modellordner</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="269" />
        <source>bf16 and fp16 need a CUDA device.</source>
        <translation>bf16 und fp16 brauchen ein CUDA-Gerät.</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="276" />
        <source>Checking %1…</source>
        <translation>%1 wird geprüft…</translation>
    </message>
</context>
<context>
    <name>cxr::ui::ShortcutsDialog</name>
    <message>
        <location filename="../ui/dialogs.cpp" line="99" />
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="104" />
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="104" />
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="112" />
        <source>Zoom about the cursor</source>
        <translation>Um den Mauszeiger zoomen</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="112" />
        <source>Mouse wheel</source>
        <translation>Mausrad</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="113" />
        <source>Pan</source>
        <translation>Verschieben</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="113" />
        <source>Left or middle drag</source>
        <translation>Mit linker oder mittlerer Maustaste ziehen</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="114" />
        <source>Window/level (right/left: width, up/down: centre)</source>
        <translation>Fensterung (rechts/links: Breite, hoch/runter: Zentrum)</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="114" />
        <source>Right drag</source>
        <translation>Mit rechter Maustaste ziehen</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="115" />
        <source>Fit to window</source>
        <translation>An Fenster anpassen</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="115" />
        <source>Double-click</source>
        <translation>Doppelklick</translation>
    </message>
</context>
<context>
    <name>cxr::ui::TagDialog</name>
    <message>
        <location filename="../ui/dialogs.cpp" line="36" />
        <source>DICOM tags</source>
        <translation>DICOM-Tags</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="43" />
        <source>Search tag, name or value</source>
        <translation>Tag, Name oder Wert suchen</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="47" />
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="47" />
        <source>VR</source>
        <translation>VR</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="47" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="47" />
        <source>Value</source>
        <translation>Wert</translation>
    </message>
</context>
<context>
    <name>cxr::ui::Viewport</name>
    <message>
        <location filename="../ui/viewport.cpp" line="190" />
        <source>Open a chest X-ray (DICOM, PNG or JPEG): File &gt; Open, or drop files here.</source>
        <translation>Ein Thorax-Röntgenbild öffnen (DICOM, PNG oder JPEG): Datei &gt; Öffnen, oder Dateien hierher ziehen.</translation>
    </message>
    <message>
        <location filename="../ui/viewport.cpp" line="303" />
        <source>box %1</source>
        <translation>Box %1</translation>
    </message>
    <message>
        <location filename="../ui/viewport.cpp" line="353" />
        <source>Otsu %1</source>
        <translation>Otsu %1</translation>
    </message>
    <message>
        <location filename="../ui/viewport.cpp" line="355" />
        <source>cut %1</source>
        <translation>Grenze %1</translation>
    </message>
    <message>
        <location filename="../ui/viewport.cpp" line="358" />
        <source>range %1 – %2</source>
        <translation>Bereich %1 – %2</translation>
    </message>
</context>
</TS>