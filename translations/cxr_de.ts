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
        <location filename="../app/cli_eval.cpp" line="665" />
        <location filename="../app/cli_main.cpp" line="158" />
        <location filename="../app/cli_pacs.cpp" line="171" />
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
        <location filename="../app/cli_engine.cpp" line="82" />
        <source>--preset must be paper or fast (got "%1")</source>
        <translation>--preset muss paper oder fast sein (erhalten: „%1“)</translation>
    </message>
    <message>
        <location filename="../app/cli_engine.cpp" line="90" />
        <source>%1 needs a value</source>
        <translation>%1 braucht einen Wert</translation>
    </message>
    <message>
        <location filename="../app/cli_engine.cpp" line="140" />
        <source>bad value for %1: %2</source>
        <translation>ungültiger Wert für %1: %2</translation>
    </message>
    <message>
        <location filename="../app/cli_engine.cpp" line="158" />
        <source>--cache-dir needs a folder</source>
        <translation>--cache-dir braucht einen Ordner</translation>
    </message>
    <message>
        <location filename="../app/cli_engine.cpp" line="165" />
        <source>--cache-max-mb needs a size in MiB (got "%1")</source>
        <translation>--cache-max-mb braucht eine Größe in MiB (erhalten: „%1“)</translation>
    </message>
    <message>
        <location filename="../app/cli_engine.cpp" line="186" />
        <source>unknown device "%1": use cpu, cuda or cuda:N</source>
        <translation>unbekanntes Gerät „%1“: cpu, cuda oder cuda:N verwenden</translation>
    </message>
    <message>
        <location filename="../app/cli_engine.cpp" line="188" />
        <source>--device %1: this build has no CUDA support or the machine has no usable NVIDIA GPU; use --device cpu</source>
        <translation>--device %1: dieser Build hat keine CUDA-Unterstützung oder der Rechner keine nutzbare NVIDIA-GPU; --device cpu verwenden</translation>
    </message>
    <message>
        <location filename="../app/cli_engine.cpp" line="192" />
        <source>--device %1 does not exist: this machine has cuda:0 .. cuda:%2</source>
        <translation>--device %1 gibt es nicht: dieser Rechner hat cuda:0 .. cuda:%2</translation>
    </message>
    <message>
        <location filename="../app/cli_engine.cpp" line="256" />
        <location filename="../app/cli_engine.cpp" line="363" />
        <location filename="../app/cli_eval.cpp" line="254" />
        <location filename="../app/cli_eval.cpp" line="426" />
        <location filename="../app/cli_export.cpp" line="75" />
        <location filename="../app/cli_pacs.cpp" line="83" />
        <location filename="../app/cli_pacs.cpp" line="122" />
        <location filename="../app/cli_pacs.cpp" line="143" />
        <source>unknown argument %1</source>
        <translation>unbekanntes Argument %1</translation>
    </message>
    <message>
        <location filename="../app/cli_engine.cpp" line="258" />
        <source>ground needs --model DIR --image IN --prompt TEXT [--prompt TEXT ...] --out DIR</source>
        <translation>ground braucht --model ORDNER --image EINGABE --prompt TEXT [--prompt TEXT ...] --out ORDNER</translation>
    </message>
    <message>
        <location filename="../app/cli_engine.cpp" line="280" />
        <location filename="../app/cli_eval.cpp" line="478" />
        <location filename="../app/cli_eval.cpp" line="741" />
        <source>%1: cannot create the output folder</source>
        <translation>%1: der Ausgabeordner kann nicht angelegt werden</translation>
    </message>
    <message>
        <location filename="../app/cli_engine.cpp" line="284" />
        <source>%1: cannot create the folder</source>
        <translation>%1: der Ordner kann nicht angelegt werden</translation>
    </message>
    <message>
        <location filename="../app/cli_engine.cpp" line="293" />
        <source>%1: cannot write overlay.png</source>
        <translation>%1: overlay.png kann nicht geschrieben werden</translation>
    </message>
    <message>
        <location filename="../app/cli_engine.cpp" line="343" />
        <source>%1: cannot write result.json</source>
        <translation>%1: result.json kann nicht geschrieben werden</translation>
    </message>
    <message>
        <location filename="../app/cli_engine.cpp" line="365" />
        <source>prepare needs --model DIR --image IN [--image IN ...]</source>
        <translation>prepare braucht --model ORDNER --image EINGABE [--image EINGABE ...]</translation>
    </message>
    <message>
        <location filename="../app/cli_engine.cpp" line="366" />
        <source>prepare fills the trajectory cache: --no-cache makes no sense here</source>
        <translation>prepare füllt den Trajektorien-Cache: --no-cache ergibt hier keinen Sinn</translation>
    </message>
    <message>
        <location filename="../app/cli_engine.cpp" line="411" />
        <source>tokenize needs --model DIR TEXT</source>
        <translation>tokenize braucht --model ORDNER TEXT</translation>
    </message>
    <message>
        <location filename="../app/cli_engine.cpp" line="429" />
        <source>inspect-model needs a model folder</source>
        <translation>inspect-model braucht einen Modellordner</translation>
    </message>
    <message>
        <location filename="../app/cli_main.cpp" line="125" />
        <source>info needs exactly one input file</source>
        <translation>info braucht genau eine Eingabedatei</translation>
    </message>
    <message>
        <location filename="../app/cli_eval.cpp" line="55" />
        <source>%1: cannot write the file (folder not writable or disk full?)</source>
        <translation>%1: die Datei kann nicht geschrieben werden (Ordner schreibgeschützt oder Datenträger voll?)</translation>
    </message>
    <message>
        <location filename="../app/cli_eval.cpp" line="66" />
        <source>%1: cannot read the file</source>
        <translation>%1: die Datei kann nicht gelesen werden</translation>
    </message>
    <message>
        <location filename="../app/cli_eval.cpp" line="112" />
        <source>Mean</source>
        <translation>Mittelwert</translation>
    </message>
    <message>
        <location filename="../app/cli_eval.cpp" line="134" />
        <source>MS-CXR: per-category means (N = %1 samples)</source>
        <translation>MS-CXR: Mittelwerte je Kategorie (Stichprobenumfang N = %1)</translation>
    </message>
    <message>
        <location filename="../app/cli_eval.cpp" line="183" />
        <source>cannot draw the summary chart</source>
        <translation>das Übersichtsdiagramm kann nicht gezeichnet werden</translation>
    </message>
    <message>
        <location filename="../app/cli_eval.cpp" line="72" />
        <source>%1: not a valid JSON object (%2)</source>
        <translation>%1: kein gültiges JSON-Objekt (%2)</translation>
    </message>
    <message>
        <location filename="../app/cli_eval.cpp" line="230" />
        <source>bad box "%1": a box is x,y,w,h (integer pixels), boxes are separated by ';'</source>
        <translation>ungültige Box „%1“: eine Box ist x,y,w,h (ganze Pixel), Boxen werden durch ';' getrennt</translation>
    </message>
    <message>
        <location filename="../app/cli_eval.cpp" line="235" />
        <source>bad box "%1": x and y must be &gt;= 0, w and h &gt; 0</source>
        <translation>ungültige Box „%1“: x und y müssen &gt;= 0 sein, w und h &gt; 0</translation>
    </message>
    <message>
        <location filename="../app/cli_eval.cpp" line="241" />
        <source>--boxes needs at least one box x,y,w,h</source>
        <translation>--boxes braucht mindestens eine Box x,y,w,h</translation>
    </message>
    <message>
        <location filename="../app/cli_eval.cpp" line="256" />
        <source>metrics needs --heatmap H.npy --boxes "x,y,w,h;x,y,w,h"</source>
        <translation>metrics braucht --heatmap H.npy --boxes "x,y,w,h;x,y,w,h"</translation>
    </message>
    <message>
        <location filename="../app/cli_eval.cpp" line="260" />
        <location filename="../app/cli_main.cpp" line="127" />
        <location filename="../app/cli_pacs.cpp" line="174" />
        <source>%1: the file does not exist</source>
        <translation>%1: die Datei existiert nicht</translation>
    </message>
    <message>
        <location filename="../app/cli_eval.cpp" line="271" />
        <source>%1: expected a 2-D map (height x width), found %2 dimension(s)</source>
        <translation>%1: 2-D-Karte (Höhe x Breite) erwartet, %2 Dimension(en) gefunden</translation>
    </message>
    <message>
        <location filename="../app/cli_eval.cpp" line="275" />
        <source>%1: expected a float32 map</source>
        <translation>%1: float32-Karte erwartet</translation>
    </message>
    <message>
        <location filename="../app/cli_eval.cpp" line="279" />
        <source>box %1,%2,%3,%4 lies outside the %5x%6 map</source>
        <translation>Box %1,%2,%3,%4 liegt außerhalb der %5x%6-Karte</translation>
    </message>
    <message>
        <location filename="../app/cli_eval.cpp" line="428" />
        <source>evaluate needs --model DIR --csv FILE --images ROOT --out DIR</source>
        <translation>evaluate braucht --model ORDNER --csv DATEI --images STAMMORDNER --out ORDNER</translation>
    </message>
    <message>
        <location filename="../app/cli_eval.cpp" line="435" />
        <source>--ablate %1 runs at %2 steps, as the paper did; leave out --steps %3</source>
        <translation>--ablate %1 läuft mit %2 Schritten wie im Paper; --steps %3 weglassen</translation>
    </message>
    <message>
        <location filename="../app/cli_eval.cpp" line="451" />
        <source>--shard needs K/N with 1 &lt;= K &lt;= N, e.g. 2/8 (got "%1")</source>
        <translation>--shard braucht K/N mit 1 &lt;= K &lt;= N, z. B. 2/8 (erhalten: „%1“)</translation>
    </message>
    <message>
        <location filename="../app/cli_eval.cpp" line="457" />
        <source>--limit needs a positive number (got "%1")</source>
        <translation>--limit braucht eine positive Zahl (erhalten: „%1“)</translation>
    </message>
    <message>
        <location filename="../app/cli_eval.cpp" line="460" />
        <source>%1: the image folder does not exist</source>
        <translation>%1: der Bildordner existiert nicht</translation>
    </message>
    <message>
        <location filename="../app/cli_eval.cpp" line="510" />
        <source>%1 already holds results: add --resume to continue that run, or choose another --out folder</source>
        <translation>%1 enthält bereits Ergebnisse: --resume angeben, um diesen Lauf fortzusetzen, oder einen anderen --out-Ordner wählen</translation>
    </message>
    <message>
        <location filename="../app/cli_eval.cpp" line="521" />
        <source>--resume with other method settings than the run in %1: %2</source>
        <translation>--resume mit anderen Methodeneinstellungen als der Lauf in %1: %2</translation>
    </message>
    <message>
        <location filename="../app/cli_eval.cpp" line="527" />
        <source>%1 holds the sample %2 ("%3") that this run does not select (another --csv, --split, --shard or --limit?)</source>
        <translation>%1 enthält den Fall %2 („%3“), den dieser Lauf nicht auswählt (anderes --csv, --split, --shard oder --limit?)</translation>
    </message>
    <message>
        <location filename="../app/cli_eval.cpp" line="533" />
        <source>%1: cannot truncate the incomplete last line</source>
        <translation>%1: die unvollständige letzte Zeile kann nicht abgeschnitten werden</translation>
    </message>
    <message>
        <location filename="../app/cli_eval.cpp" line="547" />
        <source>, %1 already finished</source>
        <translation>, %1 bereits fertig</translation>
    </message>
    <message>
        <location filename="../app/cli_eval.cpp" line="548" />
        <source>, %1 failed before and retried</source>
        <translation>, %1 zuvor fehlgeschlagen und erneut versucht</translation>
    </message>
    <message>
        <location filename="../app/cli_eval.cpp" line="554" />
        <source>%1: cannot open the file for writing</source>
        <translation>%1: die Datei kann nicht zum Schreiben geöffnet werden</translation>
    </message>
    <message>
        <location filename="../app/cli_eval.cpp" line="576" />
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location filename="../app/cli_eval.cpp" line="580" />
        <source>, %1 failed</source>
        <translation>, %1 fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../app/cli_eval.cpp" line="597" />
        <source>image file not found (%1)</source>
        <translation>Bilddatei nicht gefunden (%1)</translation>
    </message>
    <message>
        <location filename="../app/cli_eval.cpp" line="598" />
        <source>image file not found (%1 or %2)</source>
        <translation>Bilddatei nicht gefunden (%1 oder %2)</translation>
    </message>
    <message>
        <location filename="../app/cli_eval.cpp" line="607" />
        <source>cannot read the image: %1</source>
        <translation>das Bild kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../app/cli_eval.cpp" line="612" />
        <source>the image is %1x%2 but the CSV gives %3x%4 (boxes would not fit)</source>
        <translation>das Bild ist %1x%2, die CSV nennt aber %3x%4 (die Boxen würden nicht passen)</translation>
    </message>
    <message>
        <location filename="../app/cli_eval.cpp" line="495" />
        <source>--ablate %1: %2</source>
        <translation>--ablate %1: %2</translation>
    </message>
    <message>
        <location filename="../app/cli_eval.cpp" line="631" />
        <location filename="../app/cli_eval.cpp" line="642" />
        <source>%1: cannot write (disk full?)</source>
        <translation>%1: Schreiben nicht möglich (Datenträger voll?)</translation>
    </message>
    <message>
        <location filename="../app/cli_eval.cpp" line="654" />
        <source>, %1 failed (evaluate --resume retries them)</source>
        <translation>, %1 fehlgeschlagen (evaluate --resume versucht sie erneut)</translation>
    </message>
    <message>
        <location filename="../app/cli_eval.cpp" line="666" />
        <source>merge needs OUT DIR... (or --out OUT DIR...)</source>
        <translation>merge braucht AUSGABE ORDNER... (oder --out AUSGABE ORDNER...)</translation>
    </message>
    <message>
        <location filename="../app/cli_eval.cpp" line="678" />
        <source>%1: the output folder cannot be one of the inputs</source>
        <translation>%1: der Ausgabeordner darf keine der Eingaben sein</translation>
    </message>
    <message>
        <location filename="../app/cli_eval.cpp" line="681" />
        <source>%1: no results.jsonl (not an evaluate output folder)</source>
        <translation>%1: keine results.jsonl (kein Ausgabeordner von evaluate)</translation>
    </message>
    <message>
        <location filename="../app/cli_eval.cpp" line="685" />
        <source>%1: no summary.json: that run did not finish; finish it with evaluate --resume</source>
        <translation>%1: keine summary.json: dieser Lauf wurde nicht beendet; mit evaluate --resume zu Ende führen</translation>
    </message>
    <message>
        <location filename="../app/cli_eval.cpp" line="693" />
        <source>%1 was run with other method settings than %2: %3</source>
        <translation>%1 lief mit anderen Methodeneinstellungen als %2: %3</translation>
    </message>
    <message>
        <location filename="../app/cli_eval.cpp" line="703" />
        <source>%1; finish that run with evaluate --resume first</source>
        <translation>%1; diesen Lauf zuerst mit evaluate --resume zu Ende führen</translation>
    </message>
    <message>
        <location filename="../app/cli_eval.cpp" line="723" />
        <source>the sample %1 ("%2") is in several folders with different metrics (%3 among them): overlapping shards of different runs?</source>
        <translation>der Fall %1 („%2“) liegt in mehreren Ordnern mit unterschiedlichen Metriken (darunter %3): überlappende Shards verschiedener Läufe?</translation>
    </message>
    <message>
        <location filename="../app/cli_eval.cpp" line="757" />
        <source> (%1 duplicate(s) counted once)</source>
        <translation> (%1 Duplikat(e) einfach gezählt)</translation>
    </message>
    <message>
        <location filename="../app/cli_main.cpp" line="32" />
        <source>Usage: cxr-ground &lt;command&gt; [options]

Commands:
  info IN                         header facts of an image as JSON
  render IN OUT.png [--window CENTER:WIDTH] [--frame N]
                                  the image as the viewer shows it by default,
                                  8-bit grey (RGB for colour images), original size;
                                  N counts from 1
  ground --model DIR --image IN --prompt TEXT [--prompt TEXT ...] --out DIR
         [--preset paper|fast] [--steps N] [--window A:B] [--layers L,...] [--no-otsu]
         [--attribution CATEGORY] [--device cpu|cuda|cuda:N] [--precision fp32|bf16|fp16]
         [--allow-tf32] [--threads N] [--no-cache] [--cache-dir DIR] [--cache-max-mb N]
                                  heat maps of the prompts on the image; for prompt k
                                  DIR/&lt;k as 3 digits&gt;/ holds heatmap.npy,
                                  heatmap_smooth.npy, heatmap_original.npy,
                                  overlay.png and result.json
  prepare --model DIR --image IN [--image IN ...] [method options] [cache options]
                                  the images' inversion trajectories into the
                                  trajectory cache, so that a sentence later costs
                                  only the window's passes (e.g. a worklist overnight)
  tokenize --model DIR TEXT       CLIP token ids as JSON {input_ids, length}
  metrics --heatmap H.npy --boxes "x,y,w,h;x,y,w,h"
                                  MS-CXR metrics of one map at original size (NaN =
                                  outside the analysed crop) as JSON {cnr_abs, cnr,
                                  miou, auroc_binned, auroc}
  evaluate --model DIR --csv FILE --images ROOT --out DIR [--split NAME]
         [--shard K/N] [--resume] [--limit N] [--attribution] [--ablate SPEC]
         [method options] [cache options]
                                  the MS-CXR protocol over a CSV: images are
                                  ROOT/&lt;path without files/&gt; (or ROOT/&lt;path&gt;);
                                  OUT/results.jsonl gets one line per sample as it
                                  finishes, --resume skips finished samples; then
                                  OUT/summary.md, summary.json, summary.png (Table I
                                  layout). --shard K/N (K from 1) takes every N-th
                                  image (sorted by path), --limit the first N samples;
                                  --ablate "layers=3; window=60:120; otsu=off" (or
                                  "default", paper-table2, paper-table3) records every
                                  layer at every call once
                                  per image and evaluates each setting from that:
                                  OUT/ablation.md, ablation.json (Table II layout)
  export --model DIR --image IN --prompt TEXT [--prompt TEXT ...] --out FILE
         [--format png|jpg|dcm|seg|pmap] [--grid RxC] [--anonymise] [--overwrite]
         [--boxes CSV] [--colour-map inferno|viridis|jet] [--opacity 0..1]
         [--mask outline|fill|off] [method options as for ground]
                                  the viewer's annotated picture at original
                                  resolution: heat map, mask, boxes, the prompt, the
                                  colour bar and the research-use line; several
                                  prompts make a grid; dcm writes a Secondary
                                  Capture into the source's study; seg a DICOM
                                  Segmentation of the Otsu mask, pmap a DICOM
                                  Parametric Map of the heat map (one prompt, DICOM
                                  source, its resolution and study); never overwrites
                                  without --overwrite
  merge OUT DIR... | merge --out OUT DIR...
                                  combine the output folders of evaluate shards into
                                  one results.jsonl and summary; see
                                  installer/slurm_evaluate.sh for a Slurm job array
  pacs echo|find|get|send --server SERVER [--aet OURS] [--user NAME] [--timeout S]
                                  SERVER is dicomweb:http(s)://host:port/dicom-web or
                                  dimse:AETITLE@host:port; the password of --user comes
                                  only from the environment variable CXRG_PACS_PASSWORD
    find [--patient-id ID] [--patient-name PATTERN] [--date YYYYMMDD-YYYYMMDD]
         [--modality CR] [--accession N] [--level study|series] [--study UID]
         [--limit N]             one JSON object per match and line (UIDs, patient
                                  name and ID, date, modalities, instances)
    get --study UID [--series UID] --out DIR [--move-port PORT]
                                  the instances into DIR, one file each named
                                  &lt;SOP Instance UID&gt;.dcm; DIMSE uses C-GET, or C-MOVE
                                  to our AE title listening on PORT
    send FILE...                  stores the files, one status line each
  inspect-model [--expected-keys] DIR
                                  validate a model folder / list the tensors a valid
                                  checkpoint of its configuration holds
  bench viewer [--size N] [--repeat K] [--file DICOM]
                                  open + first render and window/level step timings
  bench engine --config DIR [--steps N] [--device ...] [--precision ...] [--no-naive]
         [--compare-bf16] [--channels-last on|off] [--quick] [--size N] [--threads N]
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
         [--preset paper|fast] [--steps N] [--window A:B] [--layers L,...] [--no-otsu]
         [--attribution KATEGORIE] [--device cpu|cuda|cuda:N] [--precision fp32|bf16|fp16]
         [--allow-tf32] [--threads N] [--no-cache] [--cache-dir ORDNER] [--cache-max-mb N]
                                  Heatmaps der Sätze auf dem Bild; für Satz k enthält
                                  ORDNER/&lt;k dreistellig&gt;/ heatmap.npy,
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
                                  WURZEL/&lt;Pfad ohne files/&gt; (oder WURZEL/&lt;Pfad&gt;);
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
                                  &lt;SOP-Instance-UID&gt;.dcm; DIMSE nutzt C-GET, oder C-MOVE
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
</translation>
    </message>
    <message>
        <location filename="../app/cli_main.cpp" line="149" />
        <source>--window needs CENTER:WIDTH with a positive width, e.g. 2048:4096</source>
        <translation>--window braucht ZENTRUM:BREITE mit positiver Breite, z. B. 2048:4096</translation>
    </message>
    <message>
        <location filename="../app/cli_main.cpp" line="155" />
        <source>--frame needs a frame number (1 = first)</source>
        <translation>--frame braucht eine Bildnummer (1 = erstes Bild)</translation>
    </message>
    <message>
        <location filename="../app/cli_main.cpp" line="163" />
        <source>render needs an input file and an output PNG</source>
        <translation>render braucht eine Eingabedatei und eine Ausgabe-PNG</translation>
    </message>
    <message>
        <location filename="../app/cli_main.cpp" line="183" />
        <source>%1: cannot write the PNG (folder missing, not writable or disk full?)</source>
        <translation>%1: die PNG-Datei kann nicht geschrieben werden (Ordner fehlt, schreibgeschützt oder Datenträger voll?)</translation>
    </message>
    <message>
        <location filename="../app/cli_main.cpp" line="238" />
        <source>unknown command %1</source>
        <translation>unbekannter Befehl %1</translation>
    </message>
    <message>
        <location filename="../app/cli_export.cpp" line="28" />
        <source>%1 steps, calls %2-%3, layers %4%5</source>
        <translation>%1 Schritte, Aufrufe %2-%3, Schichten %4%5</translation>
    </message>
    <message>
        <location filename="../app/cli_export.cpp" line="33" />
        <source>, no Otsu</source>
        <translation>, ohne Otsu</translation>
    </message>
    <message>
        <location filename="../app/cli_export.cpp" line="72" />
        <source>--prompt needs a sentence (it was empty)</source>
        <translation>--prompt braucht einen Satz (er war leer)</translation>
    </message>
    <message>
        <location filename="../app/cli_export.cpp" line="77" />
        <source>export needs --model DIR --image IN --prompt TEXT [--prompt TEXT ...] --out FILE</source>
        <translation>export braucht --model ORDNER --image EINGABE --prompt TEXT [--prompt TEXT ...] --out DATEI</translation>
    </message>
    <message>
        <location filename="../app/cli_export.cpp" line="84" />
        <source>--format must be png, jpg, dcm, seg or pmap (or give the output file one of the extensions png, jpg, dcm)</source>
        <translation>--format muss png, jpg, dcm, seg oder pmap sein (oder der Ausgabedatei eine der Endungen png, jpg, dcm geben)</translation>
    </message>
    <message>
        <location filename="../app/cli_export.cpp" line="86" />
        <source>--format %1 writes one sentence per object: give exactly one --prompt</source>
        <translation>--format %1 schreibt einen Satz je Objekt: genau ein --prompt angeben</translation>
    </message>
    <message>
        <location filename="../app/cli_export.cpp" line="88" />
        <source>--format seg writes the Otsu mask: leave out --no-otsu</source>
        <translation>--format seg schreibt die Otsu-Maske: --no-otsu weglassen</translation>
    </message>
    <message>
        <location filename="../app/cli_export.cpp" line="90" />
        <source>PNG and JPEG exports never carry patient data; --anonymise only changes DICOM output</source>
        <translation>PNG- und JPEG-Exporte enthalten nie Patientendaten; --anonymise wirkt nur auf DICOM-Ausgaben</translation>
    </message>
    <message>
        <location filename="../app/cli_export.cpp" line="98" />
        <source>--grid needs RxC with at most 6 cells, e.g. 2x2</source>
        <translation>--grid braucht ZxS (Zeilen x Spalten) mit höchstens 6 Zellen, z. B. 2x2</translation>
    </message>
    <message>
        <location filename="../app/cli_export.cpp" line="100" />
        <source>--grid %1 has %2 cells for %3 prompts</source>
        <translation>--grid %1 hat %2 Zellen für %3 Sätze</translation>
    </message>
    <message>
        <location filename="../app/cli_export.cpp" line="102" />
        <source>at most 6 prompts fit in one grid</source>
        <translation>höchstens 6 Sätze passen in ein Raster</translation>
    </message>
    <message>
        <location filename="../app/cli_export.cpp" line="110" />
        <source>--colour-map must be inferno, viridis or jet</source>
        <translation>--colour-map muss inferno, viridis oder jet sein</translation>
    </message>
    <message>
        <location filename="../app/cli_export.cpp" line="115" />
        <source>--opacity needs a number from 0 to 1</source>
        <translation>--opacity braucht eine Zahl von 0 bis 1</translation>
    </message>
    <message>
        <location filename="../app/cli_export.cpp" line="119" />
        <source>--mask must be outline, fill or off</source>
        <translation>--mask muss outline, fill oder off sein</translation>
    </message>
    <message>
        <location filename="../app/cli_export.cpp" line="125" />
        <source>--format %1 needs a DICOM image: the object references its source image (%2 is not DICOM)</source>
        <translation>--format %1 braucht ein DICOM-Bild: das Objekt verweist auf sein Quellbild (%2 ist kein DICOM)</translation>
    </message>
    <message>
        <location filename="../app/cli_export.cpp" line="190" />
        <source>CXR Ground heat map: %1</source>
        <translation>CXR-Ground-Heatmap: %1</translation>
    </message>
    <message>
        <location filename="../app/cli_export.cpp" line="191" />
        <source>Zero-shot phrase grounding heat map burned in; %1; model %2%3. Research use - not for diagnosis.</source>
        <translation>Heatmap des Zero-Shot-Phrase-Groundings eingebrannt; %1; Modell %2%3. Nur für die Forschung - nicht zur Diagnose.</translation>
    </message>
    <message>
        <location filename="../app/cli_export.cpp" line="193" />
        <source> (demo model, random weights)</source>
        <translation> (Demo-Modell, Zufallsgewichte)</translation>
    </message>
    <message>
        <location filename="../app/cli_pacs.cpp" line="22" />
        <source>passwords are never taken from the command line: set CXRG_PACS_PASSWORD</source>
        <translation>Passwörter werden nie von der Befehlszeile genommen: CXRG_PACS_PASSWORD setzen</translation>
    </message>
    <message>
        <location filename="../app/cli_pacs.cpp" line="28" />
        <source>give --server dicomweb:http(s)://host:port/dicom-web or --server dimse:AETITLE@host:port</source>
        <translation>--server dicomweb:http(s)://host:port/dicom-web oder --server dimse:AETITLE@host:port angeben</translation>
    </message>
    <message>
        <location filename="../app/cli_pacs.cpp" line="35" />
        <source>--aet needs an AE title of 1 to 16 characters (letters, digits, no backslash)</source>
        <translation>--aet braucht einen AE-Titel mit 1 bis 16 Zeichen (Buchstaben, Ziffern, kein Backslash)</translation>
    </message>
    <message>
        <location filename="../app/cli_pacs.cpp" line="43" />
        <source>--user %1 needs the password in the environment variable CXRG_PACS_PASSWORD</source>
        <translation>--user %1 braucht das Passwort in der Umgebungsvariablen CXRG_PACS_PASSWORD</translation>
    </message>
    <message>
        <location filename="../app/cli_pacs.cpp" line="47" />
        <source>--user applies to DICOMweb servers; DIMSE servers know us by our AE title (--aet)</source>
        <translation>--user gilt für DICOMweb-Server; DIMSE-Server kennen uns an unserem AE-Titel (--aet)</translation>
    </message>
    <message>
        <location filename="../app/cli_pacs.cpp" line="55" />
        <source>--timeout needs seconds from 1 to 3600</source>
        <translation>--timeout braucht Sekunden von 1 bis 3600</translation>
    </message>
    <message>
        <location filename="../app/cli_pacs.cpp" line="64" />
        <source>--move-port needs a port number from 1 to 65535</source>
        <translation>--move-port braucht eine Portnummer von 1 bis 65535</translation>
    </message>
    <message>
        <location filename="../app/cli_pacs.cpp" line="68" />
        <source>--move-port applies to DIMSE servers (C-MOVE to our own port)</source>
        <translation>--move-port gilt für DIMSE-Server (C-MOVE an unseren eigenen Port)</translation>
    </message>
    <message>
        <location filename="../app/cli_pacs.cpp" line="88" />
        <source>%1 answered in %2 ms</source>
        <translation>%1 hat in %2 ms geantwortet</translation>
    </message>
    <message>
        <location filename="../app/cli_pacs.cpp" line="108" />
        <source>--date needs YYYYMMDD, YYYYMMDD-YYYYMMDD, YYYYMMDD- or -YYYYMMDD</source>
        <translation>--date braucht JJJJMMTT, JJJJMMTT-JJJJMMTT, JJJJMMTT- oder -JJJJMMTT</translation>
    </message>
    <message>
        <location filename="../app/cli_pacs.cpp" line="114" />
        <source>--level must be study or series</source>
        <translation>--level muss study oder series sein</translation>
    </message>
    <message>
        <location filename="../app/cli_pacs.cpp" line="120" />
        <source>--limit needs a number from 1 to 100000</source>
        <translation>--limit braucht eine Zahl von 1 bis 100000</translation>
    </message>
    <message>
        <location filename="../app/cli_pacs.cpp" line="131" />
        <source>more than %1 matches: only the first %1 are listed (narrow the search or raise --limit)</source>
        <translation>mehr als %1 Treffer: nur die ersten %1 sind aufgeführt (Suche eingrenzen oder --limit erhöhen)</translation>
    </message>
    <message>
        <location filename="../app/cli_pacs.cpp" line="144" />
        <source>get needs --study UID [--series UID] --out DIR</source>
        <translation>get braucht --study UID [--series UID] --out ORDNER</translation>
    </message>
    <message>
        <location filename="../app/cli_pacs.cpp" line="155" />
        <source>missing %1</source>
        <translation>fehlt: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/cli_pacs.cpp" line="159" />
        <source>%n instance(s) in %1</source>
        <translation><numerusform>%n Instanz in %1</numerusform><numerusform>%n Instanzen in %1</numerusform></translation>
    </message>
    <message>
        <location filename="../app/cli_pacs.cpp" line="172" />
        <source>send needs one or more DICOM files</source>
        <translation>send braucht eine oder mehrere DICOM-Dateien</translation>
    </message>
    <message>
        <location filename="../app/cli_pacs.cpp" line="185" />
        <source>%1 of %2 files were not stored</source>
        <translation>%1 von %2 Dateien wurden nicht gespeichert</translation>
    </message>
    <message>
        <location filename="../app/cli_pacs.cpp" line="197" />
        <source>pacs needs echo, find, get or send (see cxr-ground help)</source>
        <translation>pacs braucht echo, find, get oder send (siehe cxr-ground help)</translation>
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
        <location filename="../core/imaging/dicom_loader.cpp" line="251" />
        <source>the encapsulated pixel data has no fragments</source>
        <translation>die gekapselten Pixeldaten enthalten keine Fragmente</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="260" />
        <source>fragment %1 of the pixel data cannot be read</source>
        <translation>Fragment %1 der Pixeldaten kann nicht gelesen werden</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="304" />
        <source>frame %1 is not in the pixel data (found %2 of %3 frames)</source>
        <translation>Bild %1 ist nicht in den Pixeldaten (%2 von %3 Bildern gefunden)</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="370" />
        <source>the file ends before its data does: truncated or damaged</source>
        <translation>die Datei endet vor ihren Daten: abgeschnitten oder beschädigt</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="372" />
        <source>the data set structure is damaged: %1</source>
        <translation>die Struktur des Datensatzes ist beschädigt: %1</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="418" />
        <location filename="../core/imaging/dicom_loader.cpp" line="643" />
        <source>%1: not a readable DICOM file (%2)</source>
        <translation>%1: keine lesbare DICOM-Datei (%2)</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="431" />
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="434" />
        <source>the file does not exist</source>
        <translation>die Datei existiert nicht</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="435" />
        <source>the file cannot be read (permission denied)</source>
        <translation>die Datei kann nicht gelesen werden (keine Berechtigung)</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="439" />
        <source>not a readable DICOM file (%1)</source>
        <translation>keine lesbare DICOM-Datei (%1)</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="448" />
        <source>the file has no pixel data (it is not an image: %1)</source>
        <translation>die Datei enthält keine Pixeldaten (sie ist kein Bild: %1)</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="449" />
        <source>unknown object</source>
        <translation>unbekanntes Objekt</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="452" />
        <source>the Rows or Columns attribute is missing or zero</source>
        <translation>das Attribut Rows oder Columns fehlt oder ist null</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="454" />
        <source>Number of Frames is not a positive number</source>
        <translation>Number of Frames ist keine positive Zahl</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="456" />
        <source>Bits Allocated is %1; only 8, 16 and 32 are supported</source>
        <translation>Bits Allocated ist %1; nur 8, 16 und 32 werden unterstützt</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="459" />
        <source>Bits Stored (%1) / High Bit (%2) do not fit Bits Allocated (%3)</source>
        <translation>Bits Stored (%1) / High Bit (%2) passen nicht zu Bits Allocated (%3)</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="462" />
        <source>%1 bits stored per sample are not supported (at most 24)</source>
        <translation>%1 gespeicherte Bit pro Abtastwert werden nicht unterstützt (höchstens 24)</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="464" />
        <source>Samples per Pixel is %1; only 1 (grey) and 3 (colour) are supported</source>
        <translation>Samples per Pixel ist %1; nur 1 (Graustufen) und 3 (Farbe) werden unterstützt</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="468" />
        <source>the photometric interpretation %1 is not supported</source>
        <translation>die photometrische Interpretation %1 wird nicht unterstützt</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="470" />
        <source>frame %1 does not exist (the file has %2 frames)</source>
        <translation>Bild %1 existiert nicht (die Datei hat %2 Bilder)</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="474" />
        <source>the header declares %1 x %2 pixels x %3 frames, more than this viewer accepts; the file is refused</source>
        <translation>der Header gibt %1 x %2 Pixel x %3 Bilder an, mehr als dieser Betrachter annimmt; die Datei wird abgelehnt</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="481" />
        <location filename="../core/imaging/dicom_loader.cpp" line="550" />
        <source>the pixel data element cannot be read</source>
        <translation>das Pixeldaten-Element kann nicht gelesen werden</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="496" />
        <source>the compressed pixel data cannot be read (file damaged?)</source>
        <translation>die komprimierten Pixeldaten können nicht gelesen werden (Datei beschädigt?)</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="504" />
        <source>the compressed pixel data is empty</source>
        <translation>die komprimierten Pixeldaten sind leer</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="507" />
        <source>the header declares %1 x %2 pixels but there are only %3 bytes of compressed data; the file is refused</source>
        <translation>der Header gibt %1 x %2 Pixel an, es gibt aber nur %3 Bytes komprimierter Daten; die Datei wird abgelehnt</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="517" />
        <source>JPEG 2000 frame %1: %2</source>
        <translation>JPEG-2000-Bild %1: %2</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="519" />
        <source>the JPEG 2000 image is %1 x %2 with %3 components but the header says %4 x %5 with %6</source>
        <translation>das JPEG-2000-Bild ist %1 x %2 mit %3 Komponenten, der Header nennt aber %4 x %5 mit %6</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="527" />
        <source>the JPEG 2000 codestream and the header disagree on signedness; the header (Pixel Representation) is used</source>
        <translation>JPEG-2000-Codestream und Header widersprechen sich beim Vorzeichen; der Header (Pixel Representation) gilt</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="536" />
        <source>the pixel data (%1) cannot be decoded: %2</source>
        <translation>die Pixeldaten (%1) können nicht dekodiert werden: %2</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="554" />
        <source>the pixel data is truncated: %1 bytes present, %2 x %3 x %4 frame(s) at %5 bits need %6</source>
        <translation>die Pixeldaten sind abgeschnitten: %1 Bytes vorhanden, %2 x %3 x %4 Bild(er) mit %5 Bit brauchen %6</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="564" />
        <source>the pixel data cannot be read (file damaged or truncated)</source>
        <translation>die Pixeldaten können nicht gelesen werden (Datei beschädigt oder abgeschnitten)</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="567" />
        <source>the pixel data is truncated</source>
        <translation>die Pixeldaten sind abgeschnitten</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="589" />
        <source>the colour model %1 is not supported</source>
        <translation>das Farbmodell %1 wird nicht unterstützt</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="603" />
        <source>Modality LUT ignored: %1</source>
        <translation>Modality LUT ignoriert: %1</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="612" />
        <source>VOI LUT ignored: %1</source>
        <translation>VOI LUT ignoriert: %1</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="629" />
        <source>the window in the header (C %1 / W %2) misses the pixel values (%3 to %4); an automatic window is used</source>
        <translation>das Fenster im Header (Z %1 / B %2) trifft die Pixelwerte (%3 bis %4) nicht; ein automatisches Fenster wird verwendet</translation>
    </message>
    <message numerus="yes">
        <location filename="../core/imaging/dicom_loader.cpp" line="659" />
        <source>%n item(s)</source>
        <translation><numerusform>%n Element</numerusform><numerusform>%n Elemente</numerusform></translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="665" />
        <source>Item %1</source>
        <translation>Element %1</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="672" />
        <source>(%1 bytes)</source>
        <translation>(%1 Bytes)</translation>
    </message>
    <message>
        <location filename="../core/imaging/dicom_loader.cpp" line="675" />
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
        <location filename="../core/imaging/scan.cpp" line="87" />
        <source>DICOMDIR cannot be read (%1); the folder is scanned instead</source>
        <translation>DICOMDIR kann nicht gelesen werden (%1); stattdessen wird der Ordner durchsucht</translation>
    </message>
    <message>
        <location filename="../core/imaging/scan.cpp" line="122" />
        <source>%1: not a DICOM, PNG, JPEG or TIFF image</source>
        <translation>%1: kein DICOM-, PNG-, JPEG- oder TIFF-Bild</translation>
    </message>
    <message>
        <location filename="../core/imaging/scan.cpp" line="123" />
        <source>%1: no such file</source>
        <translation>%1: Datei nicht vorhanden</translation>
    </message>
    <message>
        <location filename="../core/imaging/scan.cpp" line="143" />
        <source>(no patient: image files)</source>
        <translation>(kein Patient: Bilddateien)</translation>
    </message>
    <message>
        <location filename="../core/imaging/scan.cpp" line="159" />
        <source>%1: a DICOM object without an image (no Rows, Columns or Pixel Data; no modality or SOP class either)</source>
        <translation>%1: ein DICOM-Objekt ohne Bild (keine Rows, Columns oder Pixel Data; auch keine Modalität oder SOP-Klasse)</translation>
    </message>
    <message>
        <location filename="../core/imaging/scan.cpp" line="161" />
        <source>%1: a DICOM object without an image (%2: no Rows, Columns or Pixel Data)</source>
        <translation>%1: ein DICOM-Objekt ohne Bild (%2: keine Rows, Columns oder Pixel Data)</translation>
    </message>
    <message>
        <location filename="../core/imaging/scan.cpp" line="167" />
        <source>%1: listed in DICOMDIR but missing or not DICOM</source>
        <translation>%1: im DICOMDIR aufgeführt, aber fehlend oder kein DICOM</translation>
    </message>
</context>
<context>
    <name>cxr::annotate</name>
    <message>
        <location filename="../core/annotate/overlay.cpp" line="112" />
        <source>Research use - not for diagnosis. CXR Ground, zero-shot phrase grounding.</source>
        <translation>Nur für die Forschung - nicht zur Diagnose. CXR Ground, Zero-Shot-Phrase-Grounding.</translation>
    </message>
    <message>
        <location filename="../core/annotate/overlay.cpp" line="372" />
        <source>box %1</source>
        <translation>Box %1</translation>
    </message>
    <message>
        <location filename="../core/annotate/overlay.cpp" line="405" />
        <source>  (negated)</source>
        <translation>  (verneint)</translation>
    </message>
    <message>
        <location filename="../core/annotate/overlay.cpp" line="433" />
        <source>heat (normalised)</source>
        <translation>Heatmap (normiert)</translation>
    </message>
    <message>
        <location filename="../core/annotate/overlay.cpp" line="441" />
        <source>Otsu %1</source>
        <translation>Otsu %1</translation>
    </message>
    <message>
        <location filename="../core/annotate/overlay.cpp" line="456" />
        <source>Demo model with random weights: this map means nothing.</source>
        <translation>Demo-Modell mit Zufallsgewichten: diese Karte bedeutet nichts.</translation>
    </message>
</context>
<context>
    <name>cxr::exporting</name>
    <message>
        <location filename="../core/export/atomic_write.cpp" line="36" />
        <source>Cannot write %1: a file with that name already exists.</source>
        <translation>%1 kann nicht geschrieben werden: eine Datei mit diesem Namen existiert bereits.</translation>
    </message>
    <message>
        <location filename="../core/export/atomic_write.cpp" line="59" />
        <source>Cannot write %1: no temporary file could be created in the folder %2.</source>
        <translation>%1 kann nicht geschrieben werden: im Ordner %2 konnte keine temporäre Datei angelegt werden.</translation>
    </message>
    <message>
        <location filename="../core/export/atomic_write.cpp" line="130" />
        <source>Cannot write %1: the disk is full.</source>
        <translation>%1 kann nicht geschrieben werden: der Datenträger ist voll.</translation>
    </message>
    <message>
        <location filename="../core/export/atomic_write.cpp" line="134" />
        <source>Cannot write %1: the folder %2 is not writable (permission denied).</source>
        <translation>%1 kann nicht geschrieben werden: der Ordner %2 ist nicht beschreibbar (keine Berechtigung).</translation>
    </message>
    <message>
        <location filename="../core/export/atomic_write.cpp" line="139" />
        <source>Cannot write %1: the folder %2 is on a read-only disk.</source>
        <translation>%1 kann nicht geschrieben werden: der Ordner %2 liegt auf einem schreibgeschützten Datenträger.</translation>
    </message>
    <message>
        <location filename="../core/export/atomic_write.cpp" line="144" />
        <location filename="../core/export/atomic_write.cpp" line="193" />
        <source>Cannot write %1: the folder %2 does not exist.</source>
        <translation>%1 kann nicht geschrieben werden: der Ordner %2 existiert nicht.</translation>
    </message>
    <message>
        <location filename="../core/export/atomic_write.cpp" line="148" />
        <source>Cannot write %1: a part of the folder path %2 is not a folder.</source>
        <translation>%1 kann nicht geschrieben werden: ein Teil des Ordnerpfads %2 ist kein Ordner.</translation>
    </message>
    <message>
        <location filename="../core/export/atomic_write.cpp" line="154" />
        <location filename="../core/export/atomic_write.cpp" line="173" />
        <source>Cannot write %1: a folder with that name exists.</source>
        <translation>%1 kann nicht geschrieben werden: es existiert ein Ordner mit diesem Namen.</translation>
    </message>
    <message>
        <location filename="../core/export/atomic_write.cpp" line="158" />
        <source>Cannot write %1: the file name is too long.</source>
        <translation>%1 kann nicht geschrieben werden: der Dateiname ist zu lang.</translation>
    </message>
    <message>
        <location filename="../core/export/atomic_write.cpp" line="164" />
        <location filename="../core/export/dicom_common.cpp" line="229" />
        <source>Cannot write %1: %2.</source>
        <translation>%1 kann nicht geschrieben werden: %2.</translation>
    </message>
    <message>
        <location filename="../core/export/atomic_write.cpp" line="170" />
        <source>No file name was given.</source>
        <translation>Es wurde kein Dateiname angegeben.</translation>
    </message>
    <message>
        <location filename="../core/export/atomic_write.cpp" line="183" />
        <source>Cannot write %1: %2 is a file, not a folder.</source>
        <translation>%1 kann nicht geschrieben werden: %2 ist eine Datei, kein Ordner.</translation>
    </message>
    <message>
        <location filename="../core/export/atomic_write.cpp" line="267" />
        <location filename="../core/export/dicom_sc.cpp" line="22" />
        <source>Cannot write %1: the image is empty.</source>
        <translation>%1 kann nicht geschrieben werden: das Bild ist leer.</translation>
    </message>
    <message>
        <location filename="../core/export/atomic_write.cpp" line="274" />
        <source>Cannot write %1: the image format "%2" is not supported (PNG or JPEG).</source>
        <translation>%1 kann nicht geschrieben werden: das Bildformat „%2“ wird nicht unterstützt (PNG oder JPEG).</translation>
    </message>
    <message>
        <location filename="../core/export/atomic_write.cpp" line="287" />
        <source>Cannot write %1: not enough memory for the image.</source>
        <translation>%1 kann nicht geschrieben werden: nicht genug Speicher für das Bild.</translation>
    </message>
    <message>
        <location filename="../core/export/atomic_write.cpp" line="300" />
        <source>Cannot write %1: the image cannot be encoded (%2).</source>
        <translation>%1 kann nicht geschrieben werden: das Bild kann nicht kodiert werden (%2).</translation>
    </message>
    <message>
        <location filename="../core/export/dicom_sc.cpp" line="26" />
        <source>Cannot write %1: the image (%2 x %3) is too large for DICOM (at most 65535 x 65535).</source>
        <translation>%1 kann nicht geschrieben werden: das Bild (%2 x %3) ist zu groß für DICOM (höchstens 65535 x 65535).</translation>
    </message>
    <message>
        <location filename="../core/export/dicom_common.cpp" line="105" />
        <source>Cannot read the source DICOM file %1: %2.</source>
        <translation>Die DICOM-Quelldatei %1 kann nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <location filename="../core/export/dicom_common.cpp" line="112" />
        <source>Cannot convert the texts of %1 (character set %2) to UTF-8: %3.</source>
        <translation>Die Texte von %1 (Zeichensatz %2) können nicht nach UTF-8 umgewandelt werden: %3.</translation>
    </message>
    <message>
        <location filename="../core/export/dicom_common.cpp" line="120" />
        <source>Cannot write %1: the source %2 has no frame %3.</source>
        <translation>%1 kann nicht geschrieben werden: die Quelle %2 hat kein Bild %3.</translation>
    </message>
    <message>
        <location filename="../core/export/dicom_result.cpp" line="163" />
        <source>Cannot write %1: a Segmentation or Parametric Map needs a DICOM source image (it references it); for a PNG or JPEG source export PNG, JPEG or Secondary Capture.</source>
        <translation>%1 kann nicht geschrieben werden: eine Segmentierung oder Parameterkarte braucht ein DICOM-Quellbild (sie verweist darauf); für eine PNG- oder JPEG-Quelle PNG, JPEG oder Secondary Capture exportieren.</translation>
    </message>
    <message>
        <location filename="../core/export/dicom_result.cpp" line="167" />
        <source>Cannot write %1: the map (%2 x %3, %4 values) does not fit DICOM or itself.</source>
        <translation>%1 kann nicht geschrieben werden: die Karte (%2 x %3, %4 Werte) passt nicht zu DICOM oder zu sich selbst.</translation>
    </message>
    <message>
        <location filename="../core/export/dicom_result.cpp" line="175" />
        <source>Cannot write %1: the map is %2 x %3 but the source image %4 is %5 x %6.</source>
        <translation>%1 kann nicht geschrieben werden: die Karte ist %2 x %3, das Quellbild %4 aber %5 x %6.</translation>
    </message>
    <message>
        <location filename="../core/export/dicom_result.cpp" line="181" />
        <source>Cannot write %1: the source %2 lacks its SOP Class, SOP Instance or Series UID.</source>
        <translation>%1 kann nicht geschrieben werden: der Quelle %2 fehlt die SOP-Class-, SOP-Instance- oder Series-UID.</translation>
    </message>
    <message>
        <location filename="../core/export/dicom_result.cpp" line="205" />
        <location filename="../core/export/dicom_result.cpp" line="302" />
        <location filename="../core/export/dicom_result.cpp" line="402" />
        <location filename="../core/export/dicom_sc.cpp" line="121" />
        <source>Cannot write %1: the DICOM data set could not be built (out of memory?).</source>
        <translation>%1 kann nicht geschrieben werden: der DICOM-Datensatz konnte nicht erstellt werden (Speicher voll?).</translation>
    </message>
    <message>
        <location filename="../core/export/dicom_result.cpp" line="212" />
        <source>Cannot write %1: DCMTK refused the object: %2.</source>
        <translation>%1 kann nicht geschrieben werden: DCMTK lehnt das Objekt ab: %2.</translation>
    </message>
    <message>
        <location filename="../core/export/dicom_result.cpp" line="451" />
        <source>Cannot read %1: %2.</source>
        <translation>%1 kann nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <location filename="../core/export/dicom_result.cpp" line="457" />
        <source>%1 is neither a DICOM Segmentation nor a Parametric Map.</source>
        <translation>%1 ist weder eine DICOM-Segmentierung noch eine Parameterkarte.</translation>
    </message>
    <message>
        <location filename="../core/export/dicom_result.cpp" line="462" />
        <source>Cannot read %1: its pixel data are compressed in a form this viewer cannot decode.</source>
        <translation>%1 kann nicht gelesen werden: die Pixeldaten sind in einer Form komprimiert, die dieser Betrachter nicht dekodiert.</translation>
    </message>
    <message>
        <location filename="../core/export/dicom_result.cpp" line="471" />
        <source>Cannot read %1: it declares no image size.</source>
        <translation>%1 kann nicht gelesen werden: es gibt keine Bildgröße an.</translation>
    </message>
    <message>
        <location filename="../core/export/dicom_result.cpp" line="482" />
        <source>Cannot read %1: the Segmentation has no segment.</source>
        <translation>%1 kann nicht gelesen werden: die Segmentierung hat kein Segment.</translation>
    </message>
    <message>
        <location filename="../core/export/dicom_result.cpp" line="493" />
        <source>Cannot read %1: no frame shows segment %2.</source>
        <translation>%1 kann nicht gelesen werden: kein Frame zeigt Segment %2.</translation>
    </message>
    <message>
        <location filename="../core/export/dicom_result.cpp" line="500" />
        <location filename="../core/export/dicom_result.cpp" line="567" />
        <source>Cannot read %1: it has no pixel data.</source>
        <translation>%1 kann nicht gelesen werden: es hat keine Pixeldaten.</translation>
    </message>
    <message>
        <location filename="../core/export/dicom_result.cpp" line="505" />
        <location filename="../core/export/dicom_result.cpp" line="514" />
        <location filename="../core/export/dicom_result.cpp" line="544" />
        <location filename="../core/export/dicom_result.cpp" line="550" />
        <location filename="../core/export/dicom_result.cpp" line="556" />
        <source>Cannot read %1: its pixel data are shorter than declared.</source>
        <translation>%1 kann nicht gelesen werden: die Pixeldaten sind kürzer als angegeben.</translation>
    </message>
    <message>
        <location filename="../core/export/dicom_result.cpp" line="518" />
        <source>Cannot read %1: %2 bits per segmentation pixel are not supported.</source>
        <translation>%1 kann nicht gelesen werden: %2 Bit je Segmentierungspixel werden nicht unterstützt.</translation>
    </message>
</context>
<context>
    <name>cxr::pacs</name>
    <message>
        <location filename="../core/pacs/cache.cpp" line="89" />
        <source>Cannot empty the cache folder %1 completely.</source>
        <translation>Der Cache-Ordner %1 kann nicht vollständig geleert werden.</translation>
    </message>
    <message>
        <location filename="../core/pacs/dicomweb.cpp" line="208" />
        <source>The answer of %1 is larger than %2 MiB: refused (narrow the search).</source>
        <translation>Die Antwort von %1 ist größer als %2 MiB: abgelehnt (Suche eingrenzen).</translation>
    </message>
    <message>
        <location filename="../core/pacs/dicomweb.cpp" line="213" />
        <source>Cannot write what %1 sends to disk (disk full or folder not writable).</source>
        <translation>Was %1 sendet, kann nicht auf die Platte geschrieben werden (Datenträger voll oder Ordner schreibgeschützt).</translation>
    </message>
    <message>
        <location filename="../core/pacs/dicomweb.cpp" line="217" />
        <location filename="../core/pacs/dimse.cpp" line="278" />
        <source>%1 did not answer within %2 s.</source>
        <translation>%1 hat nicht innerhalb von %2 s geantwortet.</translation>
    </message>
    <message>
        <location filename="../core/pacs/dicomweb.cpp" line="221" />
        <source>The HTTPS certificate of %1 is not trusted: %2. CXR Ground does not connect to servers whose certificate it cannot verify; install the server's certificate authority in the system's trust store (or fix the server's certificate).</source>
        <translation>Dem HTTPS-Zertifikat von %1 wird nicht vertraut: %2. CXR Ground verbindet sich nicht mit Servern, deren Zertifikat es nicht prüfen kann; die Zertifizierungsstelle des Servers im Zertifikatsspeicher des Systems installieren (oder das Zertifikat des Servers berichtigen).</translation>
    </message>
    <message>
        <location filename="../core/pacs/dicomweb.cpp" line="230" />
        <source>%1 refused the connection (is the server running, and is the port right?).</source>
        <translation>%1 hat die Verbindung abgelehnt (läuft der Server, und stimmt der Port?).</translation>
    </message>
    <message>
        <location filename="../core/pacs/dicomweb.cpp" line="233" />
        <source>The host %1 was not found.</source>
        <translation>Der Rechner %1 wurde nicht gefunden.</translation>
    </message>
    <message>
        <location filename="../core/pacs/dicomweb.cpp" line="236" />
        <source>%1 closed the connection before answering.</source>
        <translation>%1 hat die Verbindung vor der Antwort geschlossen.</translation>
    </message>
    <message>
        <location filename="../core/pacs/dicomweb.cpp" line="239" />
        <source>Cannot reach %1: %2.</source>
        <translation>%1 ist nicht erreichbar: %2.</translation>
    </message>
    <message>
        <location filename="../core/pacs/dicomweb.cpp" line="248" />
        <source>%1 requires a user name and password (HTTP 401): set the user and the password.</source>
        <translation>%1 verlangt Benutzername und Passwort (HTTP 401): Benutzer und Passwort angeben.</translation>
    </message>
    <message>
        <location filename="../core/pacs/dicomweb.cpp" line="249" />
        <source>%1 refused the user name or password of %2 (HTTP 401).</source>
        <translation>%1 hat Benutzername oder Passwort von %2 abgelehnt (HTTP 401).</translation>
    </message>
    <message>
        <location filename="../core/pacs/dicomweb.cpp" line="250" />
        <source>%1 denied access to %2 (HTTP 403).</source>
        <translation>%1 verweigert den Zugriff auf %2 (HTTP 403).</translation>
    </message>
    <message>
        <location filename="../core/pacs/dicomweb.cpp" line="251" />
        <source>%1 has no %2 (HTTP 404).</source>
        <translation>%1 hat kein(e) %2 (HTTP 404).</translation>
    </message>
    <message>
        <location filename="../core/pacs/dicomweb.cpp" line="252" />
        <source>%1 answered HTTP %2 to the request for %3.</source>
        <translation>%1 hat auf die Anfrage nach %3 mit HTTP %2 geantwortet.</translation>
    </message>
    <message>
        <location filename="../core/pacs/dicomweb.cpp" line="305" />
        <source>the search</source>
        <translation>die Suche</translation>
    </message>
    <message>
        <location filename="../core/pacs/dicomweb.cpp" line="310" />
        <source>The answer of %1 to the search is not valid JSON (%2 at byte %3).</source>
        <translation>Die Antwort von %1 auf die Suche ist kein gültiges JSON (%2 bei Byte %3).</translation>
    </message>
    <message>
        <location filename="../core/pacs/dicomweb.cpp" line="312" />
        <location filename="../core/pacs/dicomweb.cpp" line="315" />
        <source>The answer of %1 to the search is not a DICOM JSON list of matches.</source>
        <translation>Die Antwort von %1 auf die Suche ist keine DICOM-JSON-Liste von Treffern.</translation>
    </message>
    <message>
        <location filename="../core/pacs/dicomweb.cpp" line="346" />
        <location filename="../core/pacs/dimse.cpp" line="436" />
        <source>The answer of %1 to the search holds a match without a valid UID ("%2").</source>
        <translation>Die Antwort von %1 auf die Suche enthält einen Treffer ohne gültige UID („%2“).</translation>
    </message>
    <message>
        <location filename="../core/pacs/dicomweb.cpp" line="390" />
        <source>Cannot write into the folder %1: %2.</source>
        <translation>In den Ordner %1 kann nicht geschrieben werden: %2.</translation>
    </message>
    <message>
        <location filename="../core/pacs/dicomweb.cpp" line="424" />
        <source>instance %1</source>
        <translation>Instanz %1</translation>
    </message>
    <message>
        <location filename="../core/pacs/dicomweb.cpp" line="430" />
        <source>Cannot read back %1.</source>
        <translation>%1 kann nicht wieder gelesen werden.</translation>
    </message>
    <message>
        <location filename="../core/pacs/dicomweb.cpp" line="437" />
        <source>%1 sent no DICOM file for instance %2 (content type "%3").</source>
        <translation>%1 hat für Instanz %2 keine DICOM-Datei gesendet (Inhaltstyp „%3“).</translation>
    </message>
    <message>
        <location filename="../core/pacs/dicomweb.cpp" line="448" />
        <source>Cannot write %1 (disk full?).</source>
        <translation>%1 kann nicht geschrieben werden (Datenträger voll?).</translation>
    </message>
    <message>
        <location filename="../core/pacs/dicomweb.cpp" line="458" />
        <source>%1 sent a file that is not the DICOM instance %2.</source>
        <translation>%1 hat eine Datei gesendet, die nicht die DICOM-Instanz %2 ist.</translation>
    </message>
    <message>
        <location filename="../core/pacs/dicomweb.cpp" line="463" />
        <source>Cannot write %1.</source>
        <translation>%1 kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <location filename="../core/pacs/dicomweb.cpp" line="492" />
        <location filename="../core/pacs/dimse.cpp" line="639" />
        <source>not sent: not a readable DICOM file</source>
        <translation>nicht gesendet: keine lesbare DICOM-Datei</translation>
    </message>
    <message>
        <location filename="../core/pacs/dicomweb.cpp" line="499" />
        <source>not sent: %1</source>
        <translation>nicht gesendet: %1</translation>
    </message>
    <message>
        <location filename="../core/pacs/dicomweb.cpp" line="525" />
        <source>storing</source>
        <translation>das Speichern</translation>
    </message>
    <message>
        <location filename="../core/pacs/dicomweb.cpp" line="535" />
        <source>failure reason 0x%1</source>
        <translation>Fehlergrund 0x%1</translation>
    </message>
    <message>
        <location filename="../core/pacs/dicomweb.cpp" line="542" />
        <source>stored with warnings (HTTP 202)</source>
        <translation>gespeichert, mit Warnungen (HTTP 202)</translation>
    </message>
    <message>
        <location filename="../core/pacs/dicomweb.cpp" line="542" />
        <location filename="../core/pacs/dimse.cpp" line="579" />
        <source>stored</source>
        <translation>gespeichert</translation>
    </message>
    <message>
        <location filename="../core/pacs/dicomweb.cpp" line="544" />
        <source>refused by the server (HTTP %1, %2)</source>
        <translation>vom Server abgelehnt (HTTP %1, %2)</translation>
    </message>
    <message>
        <location filename="../core/pacs/dicomweb.cpp" line="546" />
        <source>refused by the server (HTTP %1)</source>
        <translation>vom Server abgelehnt (HTTP %1)</translation>
    </message>
    <message>
        <location filename="../core/pacs/dimse.cpp" line="69" />
        <source>the server sent an instance without a valid SOP Instance UID</source>
        <translation>der Server hat eine Instanz ohne gültige SOP-Instance-UID gesendet</translation>
    </message>
    <message>
        <location filename="../core/pacs/dimse.cpp" line="81" />
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location filename="../core/pacs/dimse.cpp" line="87" />
        <source>cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <location filename="../core/pacs/dimse.cpp" line="146" />
        <source>the server sent an empty C-STORE</source>
        <translation>der Server hat ein leeres C-STORE gesendet</translation>
    </message>
    <message>
        <location filename="../core/pacs/dimse.cpp" line="222" />
        <source>%1 did not answer the C-ECHO: %2.</source>
        <translation>%1 hat auf das C-ECHO nicht geantwortet: %2.</translation>
    </message>
    <message>
        <location filename="../core/pacs/dimse.cpp" line="262" />
        <source>Cannot propose the DICOM services: %1.</source>
        <translation>Die DICOM-Dienste können nicht vorgeschlagen werden: %1.</translation>
    </message>
    <message>
        <location filename="../core/pacs/dimse.cpp" line="265" />
        <source>Cannot start DICOM networking: %1.</source>
        <translation>Das DICOM-Netzwerk kann nicht gestartet werden: %1.</translation>
    </message>
    <message>
        <location filename="../core/pacs/dimse.cpp" line="271" />
        <source>%1 refused the association (its AE title %2, ours %3): check both AE titles and that the server knows ours.</source>
        <translation>%1 hat die Assoziation abgelehnt (sein AE-Titel %2, unserer %3): beide AE-Titel prüfen und ob der Server unseren kennt.</translation>
    </message>
    <message>
        <location filename="../core/pacs/dimse.cpp" line="275" />
        <source>Cannot connect to %1: connection refused (is the server running, and is the port right?).</source>
        <translation>Keine Verbindung zu %1: Verbindung abgelehnt (läuft der Server, und stimmt der Port?).</translation>
    </message>
    <message>
        <location filename="../core/pacs/dimse.cpp" line="279" />
        <source>Cannot open an association with %1: %2.</source>
        <translation>Keine Assoziation mit %1 möglich: %2.</translation>
    </message>
    <message>
        <location filename="../core/pacs/dimse.cpp" line="299" />
        <source>%1 does not offer the search (C-FIND Study Root).</source>
        <translation>%1 bietet die Suche nicht an (C-FIND Study Root).</translation>
    </message>
    <message>
        <location filename="../core/pacs/dimse.cpp" line="306" />
        <source>%1 aborted the search: it may not allow searches from our AE title %2 (register it on the server).</source>
        <translation>%1 hat die Suche abgebrochen: er erlaubt Suchen von unserem AE-Titel %2 womöglich nicht (dort eintragen).</translation>
    </message>
    <message>
        <location filename="../core/pacs/dimse.cpp" line="308" />
        <source>The search on %1 failed: %2.</source>
        <translation>Die Suche auf %1 ist fehlgeschlagen: %2.</translation>
    </message>
    <message>
        <location filename="../core/pacs/dimse.cpp" line="315" />
        <source>%1 refused the search (status %2).</source>
        <translation>%1 hat die Suche abgelehnt (Status %2).</translation>
    </message>
    <message>
        <location filename="../core/pacs/dimse.cpp" line="323" />
        <source>%1 does not know our AE title %2 as a C-MOVE destination: register it there with this computer's address and port %3.</source>
        <translation>%1 kennt unseren AE-Titel %2 nicht als C-MOVE-Ziel: ihn dort mit der Adresse dieses Rechners und Port %3 eintragen.</translation>
    </message>
    <message>
        <location filename="../core/pacs/dimse.cpp" line="327" />
        <source>%1 refused the retrieve (status %2).</source>
        <translation>%1 hat den Abruf abgelehnt (Status %2).</translation>
    </message>
    <message>
        <location filename="../core/pacs/dimse.cpp" line="496" />
        <source>The study holds more kinds of object (%1) than one C-GET association can receive; use C-MOVE for it.</source>
        <translation>Die Studie enthält mehr Objektarten (%1), als eine C-GET-Assoziation empfangen kann; dafür C-MOVE verwenden.</translation>
    </message>
    <message>
        <location filename="../core/pacs/dimse.cpp" line="502" />
        <source>%1 does not offer C-GET (Study Root); retrieve with C-MOVE instead.</source>
        <translation>%1 bietet kein C-GET an (Study Root); stattdessen mit C-MOVE abrufen.</translation>
    </message>
    <message>
        <location filename="../core/pacs/dimse.cpp" line="511" />
        <location filename="../core/pacs/dimse.cpp" line="515" />
        <location filename="../core/pacs/dimse.cpp" line="574" />
        <source>Cannot keep what %1 sent: %2.</source>
        <translation>Was %1 gesendet hat, kann nicht gespeichert werden: %2.</translation>
    </message>
    <message>
        <location filename="../core/pacs/dimse.cpp" line="512" />
        <location filename="../core/pacs/dimse.cpp" line="573" />
        <source>The connection to %1 was lost during the retrieve: %2.</source>
        <translation>Die Verbindung zu %1 ist während des Abrufs abgebrochen: %2.</translation>
    </message>
    <message>
        <location filename="../core/pacs/dimse.cpp" line="534" />
        <source>Cannot listen on port %1 for the C-MOVE (%2): is another program using it?</source>
        <translation>Auf Port %1 kann für das C-MOVE nicht gelauscht werden (%2): benutzt ihn ein anderes Programm?</translation>
    </message>
    <message>
        <location filename="../core/pacs/dimse.cpp" line="563" />
        <source>%1 does not offer C-MOVE (Study Root).</source>
        <translation>%1 bietet kein C-MOVE an (Study Root).</translation>
    </message>
    <message>
        <location filename="../core/pacs/dimse.cpp" line="580" />
        <source>stored with a warning (status %1)</source>
        <translation>gespeichert, mit Warnung (Status %1)</translation>
    </message>
    <message>
        <location filename="../core/pacs/dimse.cpp" line="581" />
        <source>refused: the server is out of resources (status %1)</source>
        <translation>abgelehnt: dem Server fehlen Ressourcen (Status %1)</translation>
    </message>
    <message>
        <location filename="../core/pacs/dimse.cpp" line="582" />
        <source>refused: the data set does not match its SOP class (status %1)</source>
        <translation>abgelehnt: der Datensatz passt nicht zu seiner SOP-Klasse (Status %1)</translation>
    </message>
    <message>
        <location filename="../core/pacs/dimse.cpp" line="583" />
        <source>refused: the server does not store this kind of object (status 0x0122)</source>
        <translation>abgelehnt: der Server speichert diese Objektart nicht (Status 0x0122)</translation>
    </message>
    <message>
        <location filename="../core/pacs/dimse.cpp" line="584" />
        <source>refused: not authorised (status 0x0124)</source>
        <translation>abgelehnt: nicht berechtigt (Status 0x0124)</translation>
    </message>
    <message>
        <location filename="../core/pacs/dimse.cpp" line="585" />
        <source>refused (status %1)</source>
        <translation>abgelehnt (Status %1)</translation>
    </message>
    <message>
        <location filename="../core/pacs/dimse.cpp" line="625" />
        <source>Too many kinds of object for one association; send fewer files at once.</source>
        <translation>Zu viele Objektarten für eine Assoziation; weniger Dateien auf einmal senden.</translation>
    </message>
    <message>
        <location filename="../core/pacs/dimse.cpp" line="644" />
        <source>not sent: %1 accepts no transfer syntax for this kind of object</source>
        <translation>nicht gesendet: %1 nimmt für diese Objektart keine Transfersyntax an</translation>
    </message>
    <message>
        <location filename="../core/pacs/dimse.cpp" line="647" />
        <source>The connection to %1 was lost while sending %2: %3.</source>
        <translation>Die Verbindung zu %1 ist beim Senden von %2 abgebrochen: %3.</translation>
    </message>
    <message>
        <location filename="../core/pacs/pacs.cpp" line="46" />
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location filename="../core/pacs/pacs.cpp" line="70" />
        <source>%1 is not a DICOMweb server: give dicomweb:http(s)://host:port/path-of-the-root</source>
        <translation>%1 ist kein DICOMweb-Server: dicomweb:http(s)://host:port/pfad-der-wurzel angeben</translation>
    </message>
    <message>
        <location filename="../core/pacs/pacs.cpp" line="72" />
        <source>%1 carries a user name or password in the URL; use --user and CXRG_PACS_PASSWORD instead</source>
        <translation>%1 enthält Benutzername oder Passwort in der URL; stattdessen --user und CXRG_PACS_PASSWORD verwenden</translation>
    </message>
    <message>
        <location filename="../core/pacs/pacs.cpp" line="85" />
        <source>%1 is not a DIMSE server: give dimse:AETITLE@host:port (AE title at most 16 characters)</source>
        <translation>%1 ist kein DIMSE-Server: dimse:AETITEL@host:port angeben (AE-Titel höchstens 16 Zeichen)</translation>
    </message>
    <message>
        <location filename="../core/pacs/pacs.cpp" line="87" />
        <source>%1: the AE title %2 has characters DICOM does not allow</source>
        <translation>%1: der AE-Titel %2 enthält Zeichen, die DICOM nicht erlaubt</translation>
    </message>
    <message>
        <location filename="../core/pacs/pacs.cpp" line="95" />
        <source>%1: a server is dicomweb:http(s)://host:port/dicom-web or dimse:AETITLE@host:port</source>
        <translation>%1: ein Server ist dicomweb:http(s)://host:port/dicom-web oder dimse:AETITEL@host:port</translation>
    </message>
    <message>
        <location filename="../core/pacs/pacs.cpp" line="115" />
        <location filename="../core/pacs/pacs.cpp" line="116" />
        <source>%1 is not a date YYYYMMDD</source>
        <translation>%1 ist kein Datum JJJJMMTT</translation>
    </message>
    <message>
        <location filename="../core/pacs/pacs.cpp" line="118" />
        <source>the date range %1-%2 ends before it starts</source>
        <translation>der Datumsbereich %1-%2 endet, bevor er beginnt</translation>
    </message>
    <message>
        <location filename="../core/pacs/pacs.cpp" line="120" />
        <source>the search value "%1" is too long or holds a backslash or control characters</source>
        <translation>der Suchwert „%1“ ist zu lang oder enthält einen Backslash oder Steuerzeichen</translation>
    </message>
    <message>
        <location filename="../core/pacs/pacs.cpp" line="121" />
        <location filename="../core/pacs/pacs.cpp" line="239" />
        <source>%1 is not a valid Study Instance UID</source>
        <translation>%1 ist keine gültige Study-Instance-UID</translation>
    </message>
    <message>
        <location filename="../core/pacs/pacs.cpp" line="122" />
        <location filename="../core/pacs/pacs.cpp" line="240" />
        <source>%1 is not a valid Series Instance UID</source>
        <translation>%1 ist keine gültige Series-Instance-UID</translation>
    </message>
    <message>
        <location filename="../core/pacs/pacs.cpp" line="123" />
        <source>an instance search needs a study</source>
        <translation>eine Suche nach Instanzen braucht eine Studie</translation>
    </message>
    <message>
        <location filename="../core/pacs/pacs.cpp" line="124" />
        <source>the number of matches must be at least 1</source>
        <translation>die Zahl der Treffer muss mindestens 1 sein</translation>
    </message>
    <message numerus="yes">
        <location filename="../core/pacs/pacs.cpp" line="228" />
        <source> and %n more</source>
        <translation><numerusform> und %n weitere</numerusform><numerusform> und %n weitere</numerusform></translation>
    </message>
    <message>
        <location filename="../core/pacs/pacs.cpp" line="229" />
        <source>%1 of %2 instances are missing: %3</source>
        <translation>%1 von %2 Instanzen fehlen: %3</translation>
    </message>
    <message>
        <location filename="../core/pacs/pacs.cpp" line="242" />
        <source>Cannot write into the folder %1 (missing, not a folder or not writable).</source>
        <translation>In den Ordner %1 kann nicht geschrieben werden (fehlt, ist kein Ordner oder schreibgeschützt).</translation>
    </message>
    <message>
        <location filename="../core/pacs/pacs.cpp" line="253" />
        <source>%1 has no study %2.</source>
        <translation>%1 hat keine Studie %2.</translation>
    </message>
    <message>
        <location filename="../core/pacs/pacs.cpp" line="254" />
        <source>%1 has no series %2 in study %3.</source>
        <translation>%1 hat keine Serie %2 in Studie %3.</translation>
    </message>
    <message>
        <location filename="../core/pacs/pacs.cpp" line="256" />
        <source>%1 lists more than %2 instances in this study; retrieve it series by series.</source>
        <translation>%1 führt mehr als %2 Instanzen in dieser Studie; sie Serie für Serie abrufen.</translation>
    </message>
    <message>
        <location filename="../core/pacs/pacs.cpp" line="302" />
        <source>The retrieve from %1 is incomplete: %2.</source>
        <translation>Der Abruf von %1 ist unvollständig: %2.</translation>
    </message>
</context>
<context>
    <name>cxr::ui::App</name>
    <message>
        <location filename="../ui/app.cpp" line="118" />
        <source>Chest X-ray viewer (research use only - not for diagnosis).</source>
        <translation>Thorax-Röntgen-Betrachter (nur für die Forschung - nicht zur Diagnose).</translation>
    </message>
    <message>
        <location filename="../ui/app.cpp" line="121" />
        <source>DICOM, PNG or JPEG files or folders to open.</source>
        <translation>Zu öffnende DICOM-, PNG- oder JPEG-Dateien oder Ordner.</translation>
    </message>
    <message>
        <location filename="../ui/app.cpp" line="124" />
        <source>Grab the main window once the image is shown, write it to &lt;png&gt; and exit.</source>
        <translation>Das Hauptfenster aufnehmen, sobald das Bild angezeigt wird, als &lt;png&gt; speichern und beenden.</translation>
    </message>
    <message>
        <location filename="../ui/app.cpp" line="126" />
        <source>Colour theme: dark or light.</source>
        <translation>Farbschema: dark (dunkel) oder light (hell).</translation>
    </message>
    <message>
        <location filename="../ui/app.cpp" line="127" />
        <source>Interface language: en or de.</source>
        <translation>Sprache der Oberfläche: en oder de.</translation>
    </message>
    <message>
        <location filename="../ui/app.cpp" line="128" />
        <source>Window size, e.g. 1280x860.</source>
        <translation>Fenstergröße, z. B. 1280x860.</translation>
    </message>
    <message>
        <location filename="../ui/app.cpp" line="129" />
        <source>Open the bundled sample study.</source>
        <translation>Die mitgelieferte Beispielstudie öffnen.</translation>
    </message>
    <message>
        <location filename="../ui/app.cpp" line="130" />
        <source>Model folder for grounding.</source>
        <translation>Modellordner für das Grounding.</translation>
    </message>
    <message>
        <location filename="../ui/app.cpp" line="132" />
        <source>Sentence to ground on the first image (repeatable).</source>
        <translation>Satz, der auf dem ersten Bild verortet wird (wiederholbar).</translation>
    </message>
    <message>
        <location filename="../ui/app.cpp" line="134" />
        <source>Inversion steps for the --prompt sentences (default: the method settings, the paper's 300); not remembered.</source>
        <translation>Inversionsschritte für die --prompt-Sätze (Standard: die Methodeneinstellungen, 300 wie im Paper); wird nicht gespeichert.</translation>
    </message>
    <message>
        <location filename="../ui/app.cpp" line="138" />
        <source>Benchmark: prepare the first image in the background, ground the prompts when it is half prepared, print the longest event-loop stalls as JSON and exit.</source>
        <translation>Benchmark: das erste Bild im Hintergrund vorbereiten, die Sätze verorten, sobald es zur Hälfte vorbereitet ist, die längsten Blockaden der Ereignisschleife als JSON ausgeben und beenden.</translation>
    </message>
    <message>
        <location filename="../ui/app.cpp" line="141" />
        <source>Method for this session: paper (the paper's main setting, the default) or fast (the paper's ablation setting: 100 steps, calls 40-59, layers 3-8).</source>
        <translation>Methode für diese Sitzung: paper (die Haupteinstellung der Veröffentlichung, Standard) oder fast (die Ablations-Einstellung der Veröffentlichung: 100 Schritte, Aufrufe 40-59, Schichten 3-8).</translation>
    </message>
    <message>
        <location filename="../ui/app.cpp" line="145" />
        <source>Ground-truth boxes: an MS-CXR CSV matched to the images shown.</source>
        <translation>Referenz-Boxen: eine MS-CXR-CSV, die den gezeigten Bildern zugeordnet wird.</translation>
    </message>
    <message>
        <location filename="../ui/app.cpp" line="147" />
        <source>With --screenshot: give up after &lt;seconds&gt; (default: wait until the image is shown and the prompts are grounded, however long it takes).</source>
        <translation>Mit --screenshot: nach &lt;seconds&gt; Sekunden aufgeben (Vorgabe: warten, bis das Bild gezeigt und die Sätze verortet sind, wie lange es auch dauert).</translation>
    </message>
    <message>
        <location filename="../ui/app.cpp" line="166" />
        <source>--preset must be paper or fast (got "%1")</source>
        <translation>--preset muss paper oder fast sein (erhalten: „%1“)</translation>
    </message>
    <message>
        <location filename="../ui/app.cpp" line="174" />
        <source>--steps needs a number of steps from 2 to 1000</source>
        <translation>--steps braucht eine Schrittzahl von 2 bis 1000</translation>
    </message>
    <message>
        <location filename="../ui/app.cpp" line="183" />
        <source>--timeout needs a number of seconds above 0</source>
        <translation>--timeout braucht eine Zahl von Sekunden über 0</translation>
    </message>
    <message>
        <location filename="../ui/app.cpp" line="208" />
        <source>cannot write the screenshot %1</source>
        <translation>der Bildschirmfoto %1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <location filename="../ui/app.cpp" line="233" />
        <source>gave up after %1 s (--timeout)</source>
        <translation>nach %1 s aufgegeben (--timeout)</translation>
    </message>
    <message>
        <location filename="../ui/app.cpp" line="258" />
        <source>--bench-stall needs --model and --prompt</source>
        <translation>--bench-stall braucht --model und --prompt</translation>
    </message>
</context>
<context>
    <name>cxr::ui::CompareView</name>
    <message>
        <location filename="../ui/compare.cpp" line="93" />
        <source>Layout:</source>
        <translation>Anordnung:</translation>
    </message>
    <message>
        <location filename="../ui/compare.cpp" line="100" />
        <source>Ground more sentences into the grid (separate them with ';'), Enter</source>
        <translation>Weitere Sätze im Raster verorten (mit ';' trennen), Eingabetaste</translation>
    </message>
    <message>
        <location filename="../ui/compare.cpp" line="103" />
        <source>Add grounded prompts with the Grounding panel's "Compare" (right-click a prompt), or type sentences above.</source>
        <translation>Verortete Sätze über „Im Raster vergleichen“ im Grounding-Bereich hinzufügen (Rechtsklick auf einen Satz) oder oben Sätze eingeben.</translation>
    </message>
    <message>
        <location filename="../ui/compare.cpp" line="166" />
        <source>linked</source>
        <translation>verknüpft</translation>
    </message>
    <message>
        <location filename="../ui/compare.cpp" line="168" />
        <source>Zoom, pan and window follow the other linked cells</source>
        <translation>Zoom, Verschiebung und Fensterung folgen den anderen verknüpften Zellen</translation>
    </message>
    <message>
        <location filename="../ui/compare.cpp" line="171" />
        <source>Remove from the grid</source>
        <translation>Aus dem Raster entfernen</translation>
    </message>
    <message>
        <location filename="../ui/compare.cpp" line="233" />
        <source>  (negated)</source>
        <translation>  (verneint)</translation>
    </message>
    <message>
        <location filename="../ui/compare.cpp" line="237" />
        <source>heat (normalised)</source>
        <translation>Heatmap (normiert)</translation>
    </message>
    <message>
        <location filename="../ui/compare.cpp" line="248" />
        <source>Metrics: computing…</source>
        <translation>Metriken: wird berechnet…</translation>
    </message>
    <message>
        <location filename="../ui/compare.cpp" line="259" />
        <source>|CNR| %1  CNR %2  mIoU %3 %  AUC %4 % (%5)</source>
        <translation>|CNR| %1  CNR %2  mIoU %3 %  AUC %4 % (%5)</translation>
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
        <location filename="../ui/grounding.cpp" line="44" />
        <source>Grounding</source>
        <translation>Grounding</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="57" />
        <source>Details…</source>
        <translation>Details…</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="58" />
        <source>Every problem of the model folder</source>
        <translation>Jedes Problem des Modellordners</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="66" />
        <source>Choose model folder…</source>
        <translation>Modellordner wählen…</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="68" />
        <source>Use the demo model</source>
        <translation>Demo-Modell verwenden</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="69" />
        <source>The small model bundled for trying the viewer. Its weights are random: the maps show how grounding works, not where a finding is.</source>
        <translation>Das kleine mitgelieferte Modell zum Ausprobieren. Seine Gewichte sind zufällig: Die Karten zeigen, wie das Verorten funktioniert, nicht, wo ein Befund liegt.</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="75" />
        <source>demo model - random weights: the maps mean nothing</source>
        <translation>Demo-Modell - Zufallsgewichte: die Karten bedeuten nichts</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="79" />
        <source>Report sentence or whole report, in English: the model reads English only (Ctrl+Enter grounds):</source>
        <translation>Befundsatz oder ganzer Befund, auf Englisch: Das Modell liest nur Englisch (Strg+Eingabe verortet):</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="88" />
        <location filename="../ui/grounding.cpp" line="542" />
        <source>Ground</source>
        <translation>Verorten</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="89" />
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="119" />
        <source>Grounded prompts on this image (double-click renames, right-click for more). The heat map is the selected prompt's; every ticked prompt is outlined in its colour.</source>
        <translation>Verortete Sätze auf diesem Bild (Doppelklick benennt um, Rechtsklick für mehr). Die Heatmap ist die des ausgewählten Satzes; jeder angehakte Satz wird in seiner Farbe umrandet.</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="141" />
        <source>Words (click one for its own map, again for the sentence):</source>
        <translation>Wörter (eines anklicken für seine eigene Karte, erneut für den Satz):</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="170" />
        <source>Opacity:</source>
        <translation>Deckkraft:</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="227" />
        <source>Model: %1
%2 M parameters, %3, %4 threads</source>
        <translation>Modell: %1
%2 Mio. Parameter, %3, %4 Threads</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="395" />
        <source>Loading the model from %1…</source>
        <translation>Das Modell wird aus %1 geladen…</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="372" />
        <location filename="../ui/grounding.cpp" line="422" />
        <source>Model folder</source>
        <translation>Modellordner</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="548" />
        <source>Type or paste a sentence to ground.</source>
        <translation>Einen Satz zum Verorten eingeben oder einfügen.</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="570" />
        <source>No usable model is loaded.</source>
        <translation>Es ist kein verwendbares Modell geladen.</translation>
    </message>
    <message>
        <location filename="../ui/method_dialog.cpp" line="38" />
        <source> (Fast: the paper's ablation setting)</source>
        <translation> (Schnell: die Ablations-Einstellung der Veröffentlichung)</translation>
    </message>
    <message>
        <location filename="../ui/method_dialog.cpp" line="45" />
        <source>%1 steps, calls %2-%3, layers %4</source>
        <translation>%1 Schritte, Aufrufe %2-%3, Schichten %4</translation>
    </message>
    <message>
        <location filename="../ui/method_dialog.cpp" line="50" />
        <source>, no Otsu</source>
        <translation>, ohne Otsu</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="67" />
        <source>Download model…</source>
        <translation>Modell herunterladen…</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="84" />
        <source>e.g. Small left pleural effusion — or paste a whole report: every sentence is grounded</source>
        <translation>z. B. Kleiner Pleuraerguss links — oder einen ganzen Befund einfügen: jeder Satz wird verortet</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="90" />
        <source>Stops the running sentence, the queued ones and the preparation in the background; what is prepared is kept</source>
        <translation>Hält den laufenden Satz, die wartenden und die Vorbereitung im Hintergrund an; was vorbereitet ist, bleibt erhalten</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="92" />
        <source>Method…</source>
        <translation>Methode…</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="93" />
        <source>Inversion steps, attention window, layers and Otsu mask for new prompts</source>
        <translation>Inversionsschritte, Attention-Fenster, Schichten und Otsu-Maske für neue Sätze</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="157" />
        <source>Heat map</source>
        <translation>Heatmap</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="174" />
        <source>Heat values at or below this are transparent</source>
        <translation>Heatmap-Werte bis zu diesem Wert sind durchsichtig</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="179" />
        <source>Hide below:</source>
        <translation>Ausblenden bis:</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="181" />
        <source>Outline</source>
        <translation>Umriss</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="182" />
        <source>Fill</source>
        <translation>Füllung</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="183" />
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="185" />
        <source>Colour of the Otsu mask</source>
        <translation>Farbe der Otsu-Maske</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="190" />
        <source>Otsu mask:</source>
        <translation>Otsu-Maske:</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="256" />
        <source>Model folder: %1</source>
        <translation>Modellordner: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/grounding.cpp" line="257" />
        <source>%1 cannot be used (%n problem(s)): %2</source>
        <translation><numerusform>%1 ist nicht verwendbar (%n Problem): %2</numerusform><numerusform>%1 ist nicht verwendbar (%n Probleme): %2</numerusform></translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="334" />
        <source>Mask colour</source>
        <translation>Maskenfarbe</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="337" />
        <source>No model: choose the folder that holds configs/, models/, text_encoder/ and tokenizer/, or download it.</source>
        <translation>Kein Modell: den Ordner wählen, der configs/, models/, text_encoder/ und tokenizer/ enthält, oder es herunterladen.</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="338" />
        <location filename="../ui/grounding.cpp" line="443" />
        <source>Method: %1</source>
        <translation>Methode: %1</translation>
    </message>
    <message>
        <location filename="../ui/method_dialog.cpp" line="39" />
        <source> (not the paper's settings)</source>
        <translation> (nicht die Einstellungen der Veröffentlichung)</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="512" />
        <source>%1
From a %2 (SOP Instance UID %3)</source>
        <translation>%1
Aus einer %2 (SOP-Instance-UID %3)</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="515" />
        <source>Negated ("%1"): the sentence denies a finding; the map shows where the words point, not a finding.
</source>
        <translation>Verneint („%1“): der Satz verneint einen Befund; die Karte zeigt, worauf die Wörter verweisen, keinen Befund.
</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="518" />
        <source>%1
%2
%3 UNet calls, %4 s%5</source>
        <translation>%1
%2
%3 UNet-Aufrufe, %4 s%5</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="524" />
        <source>
Longer than 77 tokens: the end was cut off.</source>
        <translation>
Länger als 77 Token: das Ende wurde abgeschnitten.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/grounding.cpp" line="542" />
        <source>Ground %n sentences</source>
        <translation><numerusform>%n Satz verorten</numerusform><numerusform>%n Sätze verorten</numerusform></translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="553" />
        <source>The text has %1 sentences; at most %2 are grounded at once. Paste one report, or a part of it.</source>
        <translation>Der Text hat %1 Sätze; höchstens %2 werden auf einmal verortet. Fügen Sie einen Befund oder einen Teil davon ein.</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="565" />
        <source>No image is open.</source>
        <translation>Es ist kein Bild geöffnet.</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="575" />
        <source>%1 sentences at once are too many; at most %2 are grounded in one request.</source>
        <translation>%1 Sätze auf einmal sind zu viele; höchstens %2 werden in einem Auftrag verortet.</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="584" />
        <source>"%1" reads as German. The model reads English only, so its map may mean little; negations such as "kein", "ohne" and "nicht" are still marked.</source>
        <translation>„%1“ ist Deutsch. Das Modell liest nur Englisch, seine Karte sagt daher wenig; Verneinungen wie „kein“, „ohne“ und „nicht“ werden trotzdem markiert.</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="612" />
        <source>From the results cache (no model call).</source>
        <translation>Aus dem Ergebnis-Cache (kein Modellaufruf).</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/grounding.cpp" line="628" />
        <source>Queued (%n request(s) waiting).</source>
        <translation><numerusform>In der Warteschlange (%n Anfrage wartet).</numerusform><numerusform>In der Warteschlange (%n Anfragen warten).</numerusform></translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="643" />
        <source>Starting…</source>
        <translation>Start…</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="657" />
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="668" />
        <source>loading the model</source>
        <translation>Modell wird geladen</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="668" />
        <source>encoding the image</source>
        <translation>Bild wird kodiert</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="669" />
        <source>encoding the text</source>
        <translation>Text wird kodiert</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="669" />
        <source>inverting the image</source>
        <translation>Bild wird invertiert (DDIM)</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="670" />
        <source>reading attention</source>
        <translation>Aufmerksamkeit wird gelesen</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="670" />
        <source>building the heat map</source>
        <translation>Heatmap wird erstellt</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="676" />
        <source>, about %1 s left</source>
        <translation>, noch etwa %1 s</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="678" />
        <source>%1: %2 of %3%4</source>
        <translation>%1: %2 von %3%4</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/grounding.cpp" line="679" />
        <source> (%n more queued)</source>
        <translation><numerusform> (%n weitere wartet)</numerusform><numerusform> (%n weitere warten)</numerusform></translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="726" />
        <location filename="../ui/grounding.cpp" line="818" />
        <source>%1 [%2]</source>
        <translation>%1 [%2]</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="750" />
        <source>Done in %1 s (%2 UNet calls)</source>
        <translation>Fertig in %1 s (%2 UNet-Aufrufe)</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="835" />
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="836" />
        <source>Re-run with other settings…</source>
        <translation>Mit anderen Einstellungen erneut ausführen…</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="837" />
        <source>Copy sentence to the prompt box</source>
        <translation>Satz in das Eingabefeld kopieren</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/grounding.cpp" line="842" />
        <source>Compare in the grid (%n prompt(s))</source>
        <translation><numerusform>Im Raster vergleichen (%n Satz)</numerusform><numerusform>Im Raster vergleichen (%n Sätze)</numerusform></translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="844" />
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="851" />
        <source>Re-run "%1"</source>
        <translation>„%1“ erneut ausführen</translation>
    </message>
    <message>
        <location filename="../ui/grounding_metrics.cpp" line="27" />
        <source>About the heart's size: measure the cardiothoracic ratio (C: two widths, heart then thorax).</source>
        <translation>Zur Herzgröße: den kardiothorakalen Quotienten messen (C: zwei Breiten, erst Herz, dann Thorax).</translation>
    </message>
    <message>
        <location filename="../ui/grounding_metrics.cpp" line="28" />
        <source>Measured on this image: %1</source>
        <translation>Auf diesem Bild gemessen: %1</translation>
    </message>
    <message>
        <location filename="../ui/grounding_metrics.cpp" line="71" />
        <source>Metrics: select a grounded prompt.</source>
        <translation>Metriken: einen verorteten Satz auswählen.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/grounding_metrics.cpp" line="59" />
        <source>%n box(es) of this sentence</source>
        <translation><numerusform>%n Box dieses Satzes</numerusform><numerusform>%n Boxen dieses Satzes</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/grounding_metrics.cpp" line="60" />
        <source>all %n box(es)</source>
        <translation><numerusform>die %n Box</numerusform><numerusform>alle %n Boxen</numerusform></translation>
    </message>
    <message>
        <location filename="../ui/grounding_metrics.cpp" line="80" />
        <source>Metrics against %1: computing…</source>
        <translation>Metriken gegen %1: wird berechnet…</translation>
    </message>
    <message>
        <location filename="../ui/grounding_metrics.cpp" line="97" />
        <source>Against %1:
|CNR| %2   CNR %3
mIoU %4 %   AUC-ROC %5 % (exact %6 %)</source>
        <translation>Gegen %1:
|CNR| %2   CNR %3
mIoU %4 %   AUC-ROC %5 % (exakt %6 %)</translation>
    </message>
    <message>
        <location filename="../ui/grounding.cpp" line="661" />
        <location filename="../ui/grounding.cpp" line="763" />
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <location filename="../ui/grounding_preparation.cpp" line="18" />
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../ui/grounding_preparation.cpp" line="19" />
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../ui/grounding_preparation.cpp" line="45" />
        <source>Ready (prepared earlier, kept on disk)</source>
        <translation>Bereit (früher vorbereitet, auf der Festplatte gespeichert)</translation>
    </message>
    <message>
        <location filename="../ui/grounding_preparation.cpp" line="45" />
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <location filename="../ui/grounding_preparation.cpp" line="46" />
        <source>%1: this image is prepared.</source>
        <translation>%1: dieses Bild ist vorbereitet.</translation>
    </message>
    <message>
        <location filename="../ui/grounding_preparation.cpp" line="47" />
        <source>%1: a sentence takes under a second.</source>
        <translation>%1: ein Satz dauert weniger als eine Sekunde.</translation>
    </message>
    <message>
        <location filename="../ui/grounding_preparation.cpp" line="48" />
        <source>%1: a sentence takes about %2.</source>
        <translation>%1: ein Satz dauert etwa %2.</translation>
    </message>
    <message>
        <location filename="../ui/grounding_preparation.cpp" line="53" />
        <location filename="../ui/grounding_preparation.cpp" line="73" />
        <source>Preparing this image: %1 %, paused: your sentence goes first.</source>
        <translation>Dieses Bild wird vorbereitet: %1 %, angehalten: Ihr Satz geht vor.</translation>
    </message>
    <message>
        <location filename="../ui/grounding_preparation.cpp" line="57" />
        <location filename="../ui/grounding_preparation.cpp" line="77" />
        <source>Preparing this image: %1 %</source>
        <translation>Dieses Bild wird vorbereitet: %1 %</translation>
    </message>
    <message>
        <location filename="../ui/grounding_preparation.cpp" line="58" />
        <source>Preparing this image: %1 %, about %2 left</source>
        <translation>Dieses Bild wird vorbereitet: %1 %, noch etwa %2</translation>
    </message>
    <message>
        <location filename="../ui/grounding_preparation.cpp" line="62" />
        <source>Cancelled: %1 % of this image is prepared and kept. Preparing goes on when you ground a sentence or show the image again.</source>
        <translation>Abgebrochen: %1 % dieses Bildes sind vorbereitet und bleiben erhalten. Die Vorbereitung geht weiter, wenn Sie einen Satz verorten oder das Bild erneut zeigen.</translation>
    </message>
    <message>
        <location filename="../ui/grounding_preparation.cpp" line="66" />
        <source>Preparing this image failed: %1</source>
        <translation>Die Vorbereitung dieses Bildes ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../ui/grounding_preparation.cpp" line="71" />
        <source>%1 % of this image is prepared (preparing in the background is off in Settings).</source>
        <translation>%1 % dieses Bildes sind vorbereitet (die Vorbereitung im Hintergrund ist in den Einstellungen aus).</translation>
    </message>
    <message>
        <location filename="../ui/grounding_preparation.cpp" line="75" />
        <source>Cancelled: %1 % of this image is prepared and kept.</source>
        <translation>Abgebrochen: %1 % dieses Bildes sind vorbereitet und bleiben erhalten.</translation>
    </message>
    <message>
        <location filename="../ui/grounding_preparation.cpp" line="82" />
        <source>Next images of the study: %1 of %2 prepared.</source>
        <translation>Nächste Bilder der Studie: %1 von %2 vorbereitet.</translation>
    </message>
    <message>
        <location filename="../ui/grounding_preparation.cpp" line="84" />
        <source>The disk cache could not be used (prepared images stay in memory only): %1</source>
        <translation>Der Cache auf der Festplatte konnte nicht verwendet werden (vorbereitete Bilder bleiben nur im Speicher): %1</translation>
    </message>
</context>
<context>
    <name>cxr::ui::GroundingWorker</name>
    <message>
        <location filename="../ui/grounding_worker.cpp" line="58" />
        <location filename="../ui/grounding_worker.cpp" line="98" />
        <source>No model is loaded.</source>
        <translation>Es ist kein Modell geladen.</translation>
    </message>
    <message>
        <location filename="../ui/grounding_worker.cpp" line="134" />
        <source>The preparation failed: %1</source>
        <translation>Die Vorbereitung ist fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>cxr::ui::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="96" />
        <location filename="../ui/mainwindow.cpp" line="952" />
        <source>CXR Ground</source>
        <translation>CXR Ground</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="108" />
        <location filename="../ui/pacs_actions.cpp" line="57" />
        <source>Studies</source>
        <translation>Studien</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="169" />
        <source>&amp;Open files…</source>
        <translation>Dateien ö&amp;ffnen…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="170" />
        <source>Open &amp;folder…</source>
        <translation>&amp;Ordner öffnen…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="170" />
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="171" />
        <source>Open &amp;sample study</source>
        <translation>&amp;Beispielstudie öffnen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="172" />
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="173" />
        <source>&amp;Fit to window</source>
        <translation>An &amp;Fenster anpassen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="174" />
        <source>&amp;Actual pixels (1:1)</source>
        <translation>&amp;Originalpixel (1:1)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="175" />
        <source>Zoom &amp;in</source>
        <translation>&amp;Vergrößern</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="177" />
        <source>Zoom &amp;out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="179" />
        <source>&amp;Invert</source>
        <translation>&amp;Invertieren</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="181" />
        <source>Rotate &amp;right</source>
        <translation>Nach &amp;rechts drehen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="182" />
        <source>Rotate &amp;left</source>
        <translation>Nach &amp;links drehen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="183" />
        <source>Flip &amp;horizontally</source>
        <translation>&amp;Horizontal spiegeln</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="184" />
        <source>Show &amp;heat map</source>
        <translation>&amp;Heatmap zeigen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="185" />
        <source>Show Otsu &amp;mask</source>
        <translation>Otsu-&amp;Maske zeigen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="186" />
        <source>Show ground-truth &amp;boxes</source>
        <translation>Referenz-&amp;Boxen zeigen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="187" />
        <source>&amp;Draw and edit boxes</source>
        <translation>Boxen &amp;zeichnen und bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="188" />
        <source>Load ground-truth boxes (MS-CXR CSV)…</source>
        <translation>Referenz-Boxen laden (MS-CXR-CSV)…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="188" />
        <source>Ctrl+Shift+B</source>
        <translation>Ctrl+Shift+B</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="189" />
        <source>Remove the boxes of this image</source>
        <translation>Die Boxen dieses Bildes entfernen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="190" />
        <source>&amp;Compare grid</source>
        <translation>&amp;Vergleichsraster</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="190" />
        <source>Ctrl+G</source>
        <translation>Ctrl+G</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="192" />
        <source>&amp;Export image…</source>
        <translation>Bild e&amp;xportieren…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="192" />
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="193" />
        <source>Export every prompt of this image…</source>
        <translation>Jeden Satz dieses Bildes exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="193" />
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="194" />
        <source>Send to &amp;PACS…</source>
        <translation>An &amp;PACS senden…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="195" />
        <source>Stores the current export on a PACS: Secondary Capture, Segmentation, Parametric Map</source>
        <translation>Speichert den aktuellen Export auf einem PACS: Secondary Capture, Segmentierung, Parameterkarte</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="200" />
        <source>Flip &amp;vertically</source>
        <translation>V&amp;ertikal spiegeln</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="201" />
        <source>&amp;Reset view</source>
        <translation>Ansicht &amp;zurücksetzen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="203" />
        <source>Next frame</source>
        <translation>Nächstes Bild</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="204" />
        <source>Previous frame</source>
        <translation>Vorheriges Bild</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="205" />
        <source>DICOM &amp;tags…</source>
        <translation>DICOM-&amp;Tags…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="206" />
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="207" />
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="208" />
        <source>&amp;About CXR Ground</source>
        <translation>Ü&amp;ber CXR Ground</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="209" />
        <source>&amp;Dark theme</source>
        <translation>&amp;Dunkles Farbschema</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="210" />
        <source>&amp;Light theme</source>
        <translation>&amp;Helles Farbschema</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="248" />
        <source>Box editing: drag on the image to draw a box, drag a box or its handles to move or resize it, double-click a box to name its sentence, Delete removes the selected box. D ends editing.</source>
        <translation>Boxen bearbeiten: auf dem Bild ziehen zeichnet eine Box, eine Box oder ihre Griffe ziehen verschiebt sie oder ändert ihre Größe, Doppelklick auf eine Box benennt ihren Satz, Entf löscht die gewählte Box. D beendet die Bearbeitung.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="300" />
        <source>Box label</source>
        <translation>Box-Beschriftung</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="300" />
        <source>Sentence this box belongs to (empty: none):</source>
        <translation>Satz, zu dem diese Box gehört (leer: keiner):</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="344" />
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="347" />
        <source>Open &amp;recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="358" />
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="363" />
        <source>Window &amp;presets</source>
        <translation>Fenster&amp;vorgaben</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="370" />
        <source>&amp;Layout</source>
        <translation>&amp;Anordnung</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="377" />
        <source>&amp;Measure</source>
        <translation>&amp;Messen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="382" />
        <source>&amp;Grounding</source>
        <translation>&amp;Grounding</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="388" />
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="395" />
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="400" />
        <source> Window: </source>
        <translation> Fenster: </translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="403" />
        <source>Window presets (from the file and for chest images)</source>
        <translation>Fenstervorgaben (aus der Datei und für Thoraxbilder)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="417" />
        <source>Frame </source>
        <translation>Bild </translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="445" />
        <source>Cancel scan</source>
        <translation>Suche abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="457" />
        <source>Open images</source>
        <translation>Bilder öffnen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="465" />
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="465" />
        <source>Images (*.dcm *.dicom *.DCM *.png *.jpg *.jpeg *.tif *.tiff)</source>
        <translation>Bilder (*.dcm *.dicom *.DCM *.png *.jpg *.jpeg *.tif *.tiff)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="668" />
        <source>Default of the file</source>
        <translation>Vorgabe der Datei</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="670" />
        <source>Lung</source>
        <translation>Lunge</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="670" />
        <source>Mediastinum</source>
        <translation>Mediastinum</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="670" />
        <source>Bone</source>
        <translation>Knochen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="693" />
        <source>Window %1: %2</source>
        <translation>Fenster %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="693" />
        <location filename="../ui/reading_actions.cpp" line="120" />
        <source>Window preset %1</source>
        <translation>Fenstervorgabe %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="722" />
        <source>Custom (C %1 / W %2)</source>
        <translation>Eigenes (Z %1 / B %2)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="469" />
        <source>Open folder</source>
        <translation>Ordner öffnen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="491" />
        <source>%1: not a folder</source>
        <translation>%1: kein Ordner</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="500" />
        <source>The sample study was not found (set CXRG_SAMPLES to its folder).</source>
        <translation>Die Beispielstudie wurde nicht gefunden (CXRG_SAMPLES auf ihren Ordner setzen).</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="522" />
        <location filename="../ui/reading_actions.cpp" line="394" />
        <source>Loading %1…</source>
        <translation>%1 wird geladen…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="557" />
        <source>%1 - CXR Ground</source>
        <translation>%1 - CXR Ground</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="563" />
        <source> of %1</source>
        <translation> von %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="592" />
        <source>Scanning %1…</source>
        <translation>%1 wird durchsucht…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="606" />
        <source>%1 files</source>
        <translation>%1 Dateien</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="619" />
        <source>Scan cancelled</source>
        <translation>Suche abgebrochen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="649" />
        <source>%1: the file no longer exists; it was removed from the recent files.</source>
        <translation>%1: die Datei existiert nicht mehr; sie wurde aus der Liste der zuletzt geöffneten Dateien entfernt.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="655" />
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="657" />
        <source>Clear list</source>
        <translation>Liste leeren</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="676" />
        <source>File window %1</source>
        <translation>Fenster %1 der Datei</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="672" />
        <location filename="../ui/mainwindow.cpp" line="677" />
        <source>%1 (C %2 / W %3)</source>
        <translation>%1 (Z %2 / B %3)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="679" />
        <source>VOI LUT of the file</source>
        <translation>VOI LUT der Datei</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="681" />
        <source>Automatic (0.5-99.5 %)</source>
        <translation>Automatisch (0,5-99,5 %)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="684" />
        <source>Full range</source>
        <translation>Gesamter Wertebereich</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="686" />
        <source>High contrast</source>
        <translation>Hoher Kontrast</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="687" />
        <source>Low contrast</source>
        <translation>Niedriger Kontrast</translation>
    </message>
    <message>
        <location filename="../ui/export_actions.cpp" line="53" />
        <source>The grid is full (%1 cells): remove a cell first.</source>
        <translation>Das Raster ist voll (%1 Zellen): zuerst eine Zelle entfernen.</translation>
    </message>
    <message>
        <location filename="../ui/export_actions.cpp" line="73" />
        <source>The compare grid is empty.</source>
        <translation>Das Vergleichsraster ist leer.</translation>
    </message>
    <message>
        <location filename="../ui/export_actions.cpp" line="88" />
        <source>No image is open.</source>
        <translation>Es ist kein Bild geöffnet.</translation>
    </message>
    <message>
        <location filename="../ui/export_actions.cpp" line="102" />
        <source>%1 (word "%2")</source>
        <translation>%1 (Wort „%2“)</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/export_actions.cpp" line="140" />
        <source>compare grid of %n prompt(s)</source>
        <translation><numerusform>Vergleichsraster mit %n Satz</numerusform><numerusform>Vergleichsraster mit %n Sätzen</numerusform></translation>
    </message>
    <message>
        <location filename="../ui/export_actions.cpp" line="141" />
        <source>image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <location filename="../ui/export_actions.cpp" line="142" />
        <source>CXR Ground heat map: %1</source>
        <translation>CXR-Ground-Heatmap: %1</translation>
    </message>
    <message>
        <location filename="../ui/export_actions.cpp" line="144" />
        <source>Zero-shot phrase grounding (latent diffusion cross-attention) burned into the image; %1; model %2%3. Research use - not for diagnosis.</source>
        <translation>Zero-Shot-Phrase-Grounding (Cross-Attention der Latent Diffusion) in das Bild eingebrannt; %1; Modell %2%3. Nur für die Forschung - nicht zur Diagnose.</translation>
    </message>
    <message>
        <location filename="../ui/export_actions.cpp" line="146" />
        <location filename="../ui/pacs_actions.cpp" line="124" />
        <source> (demo model, random weights)</source>
        <translation> (Demo-Modell, Zufallsgewichte)</translation>
    </message>
    <message>
        <location filename="../ui/export_actions.cpp" line="166" />
        <source>No grounded prompt on this image to export.</source>
        <translation>Auf diesem Bild gibt es keinen verorteten Satz zum Exportieren.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/export_actions.cpp" line="194" />
        <source>%n picture(s) written to %1.</source>
        <translation><numerusform>%n Bild in %1 gespeichert.</numerusform><numerusform>%n Bilder in %1 gespeichert.</numerusform></translation>
    </message>
    <message>
        <location filename="../ui/export_actions.cpp" line="225" />
        <source>Export the compare grid</source>
        <translation>Das Vergleichsraster exportieren</translation>
    </message>
    <message>
        <location filename="../ui/export_actions.cpp" line="225" />
        <source>Export the image</source>
        <translation>Das Bild exportieren</translation>
    </message>
    <message>
        <location filename="../ui/export_actions.cpp" line="229" />
        <source>PNG image</source>
        <translation>PNG-Bild</translation>
    </message>
    <message>
        <location filename="../ui/export_actions.cpp" line="230" />
        <source>JPEG image</source>
        <translation>JPEG-Bild</translation>
    </message>
    <message>
        <location filename="../ui/export_actions.cpp" line="231" />
        <source>DICOM Secondary Capture (into the study)</source>
        <translation>DICOM Secondary Capture (in die Studie)</translation>
    </message>
    <message>
        <location filename="../ui/export_actions.cpp" line="232" />
        <source>DICOM Segmentation of the mask (into the study)</source>
        <translation>DICOM-Segmentierung der Maske (in die Studie)</translation>
    </message>
    <message>
        <location filename="../ui/export_actions.cpp" line="233" />
        <source>DICOM Parametric Map of the heat map (into the study)</source>
        <translation>DICOM-Parameterkarte der Heatmap (in die Studie)</translation>
    </message>
    <message>
        <location filename="../ui/export_actions.cpp" line="235" />
        <source>Original image resolution</source>
        <translation>Originalauflösung des Bildes</translation>
    </message>
    <message>
        <location filename="../ui/export_actions.cpp" line="236" />
        <source>As on screen</source>
        <translation>Wie auf dem Bildschirm</translation>
    </message>
    <message>
        <location filename="../ui/export_actions.cpp" line="237" />
        <source>Anonymise (remove patient identifiers from the DICOM)</source>
        <translation>Anonymisieren (Patientenkennungen aus dem DICOM entfernen)</translation>
    </message>
    <message>
        <location filename="../ui/export_actions.cpp" line="238" />
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <location filename="../ui/export_actions.cpp" line="239" />
        <source>Resolution:</source>
        <translation>Auflösung:</translation>
    </message>
    <message>
        <location filename="../ui/export_actions.cpp" line="242" />
        <source>Exactly the visible layers and measurements are burned in, every ticked prompt's outline in its colour, with the prompt, the colour bar and "Research use - not for diagnosis". PNG and JPEG files carry no metadata.</source>
        <translation>Genau die sichtbaren Ebenen und Messungen werden eingebrannt, der Umriss jedes angehakten Satzes in seiner Farbe, mit dem Satz, der Farbleiste und „Nur für die Forschung - nicht zur Diagnose“. PNG- und JPEG-Dateien enthalten keine Metadaten.</translation>
    </message>
    <message>
        <location filename="../ui/export_actions.cpp" line="262" />
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <location filename="../ui/export_actions.cpp" line="262" />
        <source>JPEG images (*.jpg *.jpeg)</source>
        <translation>JPEG-Bilder (*.jpg *.jpeg)</translation>
    </message>
    <message>
        <location filename="../ui/export_actions.cpp" line="262" />
        <source>DICOM files (*.dcm)</source>
        <translation>DICOM-Dateien (*.dcm)</translation>
    </message>
    <message>
        <location filename="../ui/export_actions.cpp" line="264" />
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <location filename="../ui/export_actions.cpp" line="269" />
        <source>Exported to %1</source>
        <translation>Exportiert nach %1</translation>
    </message>
    <message>
        <location filename="../ui/export_actions.cpp" line="276" />
        <source>Folder for the pictures</source>
        <translation>Ordner für die Bilder</translation>
    </message>
    <message>
        <location filename="../ui/export_actions.cpp" line="285" />
        <source>Replace files?</source>
        <translation>Dateien ersetzen?</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/export_actions.cpp" line="286" />
        <source>%n picture(s) exist already in %1:
%2
Replace them?</source>
        <translation><numerusform>%n Bild existiert bereits in %1:
%2
Ersetzen?</numerusform><numerusform>%n Bilder existieren bereits in %1:
%2
Ersetzen?</numerusform></translation>
    </message>
    <message>
        <location filename="../ui/compare.cpp" line="26" />
        <location filename="../ui/mainwindow.cpp" line="766" />
        <source>demo model - random weights</source>
        <translation>Demo-Modell - Zufallsgewichte</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="780" />
        <source>heat: "%1"</source>
        <translation>Heatmap: „%1“</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="781" />
        <source>heat (normalised)</source>
        <translation>Heatmap (normiert)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="811" />
        <source>The CSV gives this image as %1 x %2 pixels; its boxes were scaled to %3 x %4.</source>
        <translation>Die CSV nennt für dieses Bild %1 x %2 Pixel; seine Boxen wurden auf %3 x %4 skaliert.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="845" />
        <source>%1: %2 sentences with %3 boxes (%4 skipped); %5 box(es) on this image.</source>
        <translation>%1: %2 Sätze mit %3 Boxen (%4 übersprungen); %5 Box(en) auf diesem Bild.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="853" />
        <source>Cannot read the ground-truth CSV: %1</source>
        <translation>Die Referenz-CSV kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="859" />
        <source>MS-CXR ground-truth CSV</source>
        <translation>MS-CXR-Referenz-CSV</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="860" />
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="886" />
        <source>x %1  y %2</source>
        <translation>x %1  y %2</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="888" />
        <source>RGB %1, %2, %3</source>
        <translation>RGB %1, %2, %3</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="894" />
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
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="932" />
        <source>%n file(s) could not be opened.</source>
        <translation><numerusform>%n Datei konnte nicht geöffnet werden.</numerusform><numerusform>%n Dateien konnten nicht geöffnet werden.</numerusform></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="937" />
        <location filename="../ui/mainwindow.cpp" line="967" />
        <source>Cannot open</source>
        <translation>Öffnen nicht möglich</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="1033" />
        <source>About CXR Ground</source>
        <translation>Über CXR Ground</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="1036" />
        <source>CXR Ground %1
Chest X-ray viewer with zero-shot phrase grounding.

Research use only - not for diagnosis.</source>
        <translation>CXR Ground %1
Thorax-Röntgen-Betrachter mit Zero-Shot-Phrase-Grounding.

Nur für die Forschung - nicht zur Diagnose.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="1039" />
        <source>Sample images: NIH ChestX-ray14 images courtesy of the NIH Clinical Center; CR chest from the NEMA WG04 compression test set; GDCM sample data.
Built with Qt, DCMTK, OpenJPEG, OpenCV and LibTorch.</source>
        <translation>Beispielbilder: NIH-ChestX-ray14-Bilder mit freundlicher Genehmigung des NIH Clinical Center; Thorax-CR aus dem NEMA-WG04-Kompressionstestsatz; GDCM-Beispieldaten.
Erstellt mit Qt, DCMTK, OpenJPEG, OpenCV und LibTorch.</translation>
    </message>
    <message>
        <location filename="../ui/pacs_actions.cpp" line="41" />
        <source>DICOM Segmentation</source>
        <translation>DICOM-Segmentierung</translation>
    </message>
    <message>
        <location filename="../ui/pacs_actions.cpp" line="42" />
        <source>DICOM Parametric Map</source>
        <translation>DICOM-Parameterkarte</translation>
    </message>
    <message>
        <location filename="../ui/pacs_actions.cpp" line="59" />
        <source>PACS</source>
        <translation>PACS</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/pacs_actions.cpp" line="87" />
        <source>Opened %n image(s) from the local PACS cache.</source>
        <translation><numerusform>%n Bild aus dem lokalen PACS-Cache geöffnet.</numerusform><numerusform>%n Bilder aus dem lokalen PACS-Cache geöffnet.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/pacs_actions.cpp" line="88" />
        <source>Retrieved %n image(s) from the PACS.</source>
        <translation><numerusform>%n Bild vom PACS abgerufen.</numerusform><numerusform>%n Bilder vom PACS abgerufen.</numerusform></translation>
    </message>
    <message>
        <location filename="../ui/pacs_actions.cpp" line="100" />
        <source>A Segmentation or Parametric Map holds the result of one prompt: leave compare mode first.</source>
        <translation>Eine Segmentierung oder Parameterkarte enthält das Ergebnis eines Satzes: zuerst den Vergleichsmodus verlassen.</translation>
    </message>
    <message>
        <location filename="../ui/pacs_actions.cpp" line="106" />
        <source>No grounded prompt is shown: ground a sentence first.</source>
        <translation>Kein verorteter Satz wird gezeigt: zuerst einen Satz verorten.</translation>
    </message>
    <message>
        <location filename="../ui/pacs_actions.cpp" line="110" />
        <source>A Segmentation or Parametric Map references its source image, which must be DICOM (this one is %1).</source>
        <translation>Eine Segmentierung oder Parameterkarte verweist auf ihr Quellbild, das DICOM sein muss (dieses ist %1).</translation>
    </message>
    <message>
        <location filename="../ui/pacs_actions.cpp" line="115" />
        <source>The mask is the Otsu threshold of the map: this prompt was grounded without it.</source>
        <translation>Die Maske ist der Otsu-Schwellwert der Karte: dieser Satz wurde ohne ihn verortet.</translation>
    </message>
    <message>
        <location filename="../ui/pacs_actions.cpp" line="122" />
        <source>%1; model %2%3</source>
        <translation>%1; Modell %2%3</translation>
    </message>
    <message>
        <location filename="../ui/pacs_actions.cpp" line="141" />
        <source>Reading %1…</source>
        <translation>%1 wird gelesen…</translation>
    </message>
    <message>
        <location filename="../ui/pacs_actions.cpp" line="165" />
        <source>%1 names no source image.</source>
        <translation>%1 nennt kein Quellbild.</translation>
    </message>
    <message>
        <location filename="../ui/pacs_actions.cpp" line="189" />
        <source>The source image of %1 (SOP Instance UID %2) is not open and not in its folder: open or retrieve its study first, then open the result again.</source>
        <translation>Das Quellbild von %1 (SOP-Instance-UID %2) ist nicht geöffnet und nicht in seinem Ordner: zuerst seine Studie öffnen oder abrufen, dann das Ergebnis erneut öffnen.</translation>
    </message>
    <message>
        <location filename="../ui/pacs_actions.cpp" line="204" />
        <source>The %1 is %2 x %3 but its source image is %4 x %5: it cannot be shown over it.</source>
        <translation>Die %1 ist %2 x %3, ihr Quellbild aber %4 x %5: sie kann nicht darüber gezeigt werden.</translation>
    </message>
    <message>
        <location filename="../ui/pacs_actions.cpp" line="217" />
        <source>%1: "%2"</source>
        <translation>%1: „%2“</translation>
    </message>
    <message>
        <location filename="../ui/reading_actions.cpp" line="58" />
        <source>Measure &amp;distance</source>
        <translation>&amp;Strecke messen</translation>
    </message>
    <message>
        <location filename="../ui/reading_actions.cpp" line="58" />
        <source>Distance: drag from one end to the other.</source>
        <translation>Strecke: von einem Ende zum anderen ziehen.</translation>
    </message>
    <message>
        <location filename="../ui/reading_actions.cpp" line="59" />
        <source>Measure &amp;angle</source>
        <translation>&amp;Winkel messen</translation>
    </message>
    <message>
        <location filename="../ui/reading_actions.cpp" line="59" />
        <source>Angle: drag the first arm towards the vertex, then click the end of the second arm.</source>
        <translation>Winkel: den ersten Schenkel zum Scheitel ziehen, dann das Ende des zweiten Schenkels anklicken.</translation>
    </message>
    <message>
        <location filename="../ui/reading_actions.cpp" line="61" />
        <source>&amp;Rectangle region</source>
        <translation>&amp;Rechteck-Region</translation>
    </message>
    <message>
        <location filename="../ui/reading_actions.cpp" line="61" />
        <source>Rectangle: drag from one corner to the other (area, mean, SD).</source>
        <translation>Rechteck: von einer Ecke zur anderen ziehen (Fläche, Mittelwert, SD).</translation>
    </message>
    <message>
        <location filename="../ui/reading_actions.cpp" line="63" />
        <source>&amp;Ellipse region</source>
        <translation>&amp;Ellipsen-Region</translation>
    </message>
    <message>
        <location filename="../ui/reading_actions.cpp" line="63" />
        <source>Ellipse: drag its bounding box (area, mean, SD).</source>
        <translation>Ellipse: ihr umschließendes Rechteck ziehen (Fläche, Mittelwert, SD).</translation>
    </message>
    <message>
        <location filename="../ui/reading_actions.cpp" line="64" />
        <source>&amp;Cardiothoracic ratio</source>
        <translation>&amp;Kardiothorakaler Quotient</translation>
    </message>
    <message>
        <location filename="../ui/reading_actions.cpp" line="65" />
        <source>Cardiothoracic ratio: drag the widest width of the heart, then the widest inner width of the thorax (both kept level).</source>
        <translation>Kardiothorakaler Quotient: die größte Herzbreite ziehen, dann die größte innere Thoraxbreite (beide waagerecht gehalten).</translation>
    </message>
    <message>
        <location filename="../ui/reading_actions.cpp" line="87" />
        <source>Esc leaves the tool.</source>
        <translation>Esc beendet das Werkzeug.</translation>
    </message>
    <message>
        <location filename="../ui/reading_actions.cpp" line="95" />
        <source>Show &amp;measurements</source>
        <translation>&amp;Messungen zeigen</translation>
    </message>
    <message>
        <location filename="../ui/reading_actions.cpp" line="104" />
        <source>Image &amp;information (corner text, orientation)</source>
        <translation>Bild&amp;informationen (Ecktexte, Orientierung)</translation>
    </message>
    <message>
        <location filename="../ui/reading_actions.cpp" line="137" />
        <source>Next image</source>
        <translation>Nächstes Bild</translation>
    </message>
    <message>
        <location filename="../ui/reading_actions.cpp" line="138" />
        <source>Previous image</source>
        <translation>Vorheriges Bild</translation>
    </message>
    <message>
        <location filename="../ui/reading_actions.cpp" line="139" />
        <source>Next series</source>
        <translation>Nächste Serie</translation>
    </message>
    <message>
        <location filename="../ui/reading_actions.cpp" line="140" />
        <source>Previous series</source>
        <translation>Vorherige Serie</translation>
    </message>
    <message>
        <location filename="../ui/reading_actions.cpp" line="145" />
        <source>Go to the sentence box</source>
        <translation>Zum Satzfeld</translation>
    </message>
    <message>
        <location filename="../ui/reading_actions.cpp" line="154" />
        <source>&amp;Single image</source>
        <translation>&amp;Einzelbild</translation>
    </message>
    <message>
        <location filename="../ui/reading_actions.cpp" line="155" />
        <source>Current and &amp;prior study</source>
        <translation>Aktuelle und &amp;Voruntersuchung</translation>
    </message>
    <message>
        <location filename="../ui/reading_actions.cpp" line="155" />
        <source>Ctrl+Shift+P</source>
        <translation>Ctrl+Shift+P</translation>
    </message>
    <message>
        <location filename="../ui/reading_actions.cpp" line="156" />
        <source>PA and &amp;lateral</source>
        <translation>PA und &amp;seitlich</translation>
    </message>
    <message>
        <location filename="../ui/reading_actions.cpp" line="156" />
        <source>Ctrl+Shift+L</source>
        <translation>Ctrl+Shift+L</translation>
    </message>
    <message>
        <location filename="../ui/reading_actions.cpp" line="218" />
        <source> (AP view: the heart is magnified)</source>
        <translation> (AP-Aufnahme: das Herz ist vergrößert abgebildet)</translation>
    </message>
    <message>
        <location filename="../ui/reading_actions.cpp" line="231" />
        <source>This is the last image of the open studies.</source>
        <translation>Das ist das letzte Bild der geöffneten Untersuchungen.</translation>
    </message>
    <message>
        <location filename="../ui/reading_actions.cpp" line="231" />
        <source>This is the first image of the open studies.</source>
        <translation>Das ist das erste Bild der geöffneten Untersuchungen.</translation>
    </message>
    <message>
        <location filename="../ui/reading_actions.cpp" line="254" />
        <source>This is the last series of the open studies.</source>
        <translation>Das ist die letzte Serie der geöffneten Untersuchungen.</translation>
    </message>
    <message>
        <location filename="../ui/reading_actions.cpp" line="254" />
        <source>This is the first series of the open studies.</source>
        <translation>Das ist die erste Serie der geöffneten Untersuchungen.</translation>
    </message>
    <message>
        <location filename="../ui/reading_actions.cpp" line="337" />
        <location filename="../ui/reading_actions.cpp" line="383" />
        <source>No prior study of this patient among the open studies.</source>
        <translation>Keine Voruntersuchung dieses Patienten unter den geöffneten Untersuchungen.</translation>
    </message>
    <message>
        <location filename="../ui/reading_actions.cpp" line="338" />
        <source>No PA / lateral pair in this study (View Position PA or AP, and LL or RL).</source>
        <translation>Kein PA-/Seitenpaar in dieser Untersuchung (View Position PA oder AP, und LL oder RL).</translation>
    </message>
    <message>
        <location filename="../ui/reading_actions.cpp" line="380" />
        <source>Current</source>
        <translation>Aktuell</translation>
    </message>
    <message>
        <location filename="../ui/reading_actions.cpp" line="383" />
        <source>No other view of this study.</source>
        <translation>Keine andere Projektion dieser Untersuchung.</translation>
    </message>
    <message>
        <location filename="../ui/reading_actions.cpp" line="388" />
        <source>Prior</source>
        <translation>Vorher</translation>
    </message>
</context>
<context>
    <name>cxr::ui::MeasurementsPanel</name>
    <message>
        <location filename="../ui/measurements_panel.cpp" line="18" />
        <source>Measurements</source>
        <translation>Messungen</translation>
    </message>
    <message>
        <location filename="../ui/measurements_panel.cpp" line="36" />
        <source>Measurement</source>
        <translation>Messung</translation>
    </message>
    <message>
        <location filename="../ui/measurements_panel.cpp" line="36" />
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../ui/measurements_panel.cpp" line="40" />
        <source>Double-click or F2 names a measurement; Delete removes it</source>
        <translation>Doppelklick oder F2 benennt eine Messung; Entf löscht sie</translation>
    </message>
    <message>
        <location filename="../ui/measurements_panel.cpp" line="50" />
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../ui/measurements_panel.cpp" line="51" />
        <source>Delete all</source>
        <translation>Alle löschen</translation>
    </message>
</context>
<context>
    <name>cxr::ui::MethodDialog</name>
    <message>
        <location filename="../ui/method_dialog.cpp" line="56" />
        <source>Method settings</source>
        <translation>Methodeneinstellungen</translation>
    </message>
    <message>
        <location filename="../ui/method_dialog.cpp" line="60" />
        <source>Preset</source>
        <translation>Voreinstellung</translation>
    </message>
    <message>
        <location filename="../ui/method_dialog.cpp" line="72" />
        <source>Paper (main setting)</source>
        <translation>Veröffentlichung (Haupteinstellung)</translation>
    </message>
    <message>
        <location filename="../ui/method_dialog.cpp" line="73" />
        <source>300 steps, calls 120-179, layers 3, 4, 6, 7, Otsu mask. The paper reports mIoU 22.8 % and |CNR| 0.92 (Table I, average of 8 classes). UNet calls: 180 for the first sentence on an image, 60 for each further one.</source>
        <translation>300 Schritte, Aufrufe 120-179, Schichten 3, 4, 6, 7, Otsu-Maske. Die Veröffentlichung berichtet mIoU 22,8 % und |CNR| 0,92 (Tabelle I, Mittel über 8 Klassen). UNet-Aufrufe: 180 für den ersten Satz auf einem Bild, 60 für jeden weiteren.</translation>
    </message>
    <message>
        <location filename="../ui/method_dialog.cpp" line="76" />
        <source>Fast (the paper's ablation setting)</source>
        <translation>Schnell (die Ablations-Einstellung der Veröffentlichung)</translation>
    </message>
    <message>
        <location filename="../ui/method_dialog.cpp" line="77" />
        <source>100 steps, calls 40-59, layers 3-8, Otsu mask. The paper reports mIoU 20.4 % and CNR 0.75 (Table II, last row, average of 8 classes). UNet calls: 60 for the first sentence, 20 for each further one: about three times faster.</source>
        <translation>100 Schritte, Aufrufe 40-59, Schichten 3-8, Otsu-Maske. Die Veröffentlichung berichtet mIoU 20,4 % und CNR 0,75 (Tabelle II, letzte Zeile, Mittel über 8 Klassen). UNet-Aufrufe: 60 für den ersten Satz, 20 für jeden weiteren: etwa dreimal so schnell.</translation>
    </message>
    <message>
        <location filename="../ui/method_dialog.cpp" line="80" />
        <source>Custom</source>
        <translation>Eigene</translation>
    </message>
    <message>
        <location filename="../ui/method_dialog.cpp" line="80" />
        <source>The settings below.</source>
        <translation>Die Einstellungen unten.</translation>
    </message>
    <message>
        <location filename="../ui/method_dialog.cpp" line="85" />
        <source>Inversion steps:</source>
        <translation>Inversionsschritte:</translation>
    </message>
    <message>
        <location filename="../ui/method_dialog.cpp" line="86" />
        <source>Window from the steps (middle fifth)</source>
        <translation>Fenster aus den Schritten (mittleres Fünftel)</translation>
    </message>
    <message>
        <location filename="../ui/method_dialog.cpp" line="92" />
        <source>First call of the window:</source>
        <translation>Erster Aufruf des Fensters:</translation>
    </message>
    <message>
        <location filename="../ui/method_dialog.cpp" line="93" />
        <source>Last call of the window:</source>
        <translation>Letzter Aufruf des Fensters:</translation>
    </message>
    <message>
        <location filename="../ui/method_dialog.cpp" line="95" />
        <source>Cross-attention layers in execution order, counted from 0 (this model has %1).</source>
        <translation>Cross-Attention-Schichten in Ausführungsreihenfolge, ab 0 gezählt (dieses Modell hat %1).</translation>
    </message>
    <message>
        <location filename="../ui/method_dialog.cpp" line="96" />
        <source>Layers:</source>
        <translation>Schichten:</translation>
    </message>
    <message>
        <location filename="../ui/method_dialog.cpp" line="97" />
        <source>Mask the map with its Otsu threshold</source>
        <translation>Die Karte mit ihrem Otsu-Schwellwert maskieren</translation>
    </message>
    <message>
        <location filename="../ui/method_dialog.cpp" line="210" />
        <source>"%1" is not a layer number.</source>
        <translation>„%1“ ist keine Schichtnummer.</translation>
    </message>
    <message>
        <location filename="../ui/method_dialog.cpp" line="212" />
        <source>Name at least one layer.</source>
        <translation>Mindestens eine Schicht angeben.</translation>
    </message>
</context>
<context>
    <name>cxr::ui::PacsPanel</name>
    <message>
        <location filename="../ui/pacs_panel.cpp" line="47" />
        <source>Servers…</source>
        <translation>Server…</translation>
    </message>
    <message>
        <location filename="../ui/pacs_panel.cpp" line="48" />
        <source>Settings &gt; PACS: the servers, our AE title, users and passwords</source>
        <translation>Einstellungen &gt; PACS: die Server, unser AE-Titel, Benutzer und Passwörter</translation>
    </message>
    <message>
        <location filename="../ui/pacs_panel.cpp" line="49" />
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <location filename="../ui/pacs_panel.cpp" line="57" />
        <source>e.g. Smith* (wildcards * and ?)</source>
        <translation>z. B. Müller* (Platzhalter * und ?)</translation>
    </message>
    <message>
        <location filename="../ui/pacs_panel.cpp" line="62" />
        <source>Any</source>
        <translation>Alle</translation>
    </message>
    <message>
        <location filename="../ui/pacs_panel.cpp" line="65" />
        <source>Any date</source>
        <translation>Beliebiges Datum</translation>
    </message>
    <message>
        <location filename="../ui/pacs_panel.cpp" line="66" />
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <location filename="../ui/pacs_panel.cpp" line="67" />
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <location filename="../ui/pacs_panel.cpp" line="68" />
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <location filename="../ui/pacs_panel.cpp" line="69" />
        <source>Last 12 months</source>
        <translation>Letzte 12 Monate</translation>
    </message>
    <message>
        <location filename="../ui/pacs_panel.cpp" line="70" />
        <source>Between…</source>
        <translation>Zwischen…</translation>
    </message>
    <message>
        <location filename="../ui/pacs_panel.cpp" line="83" />
        <source>Patient name:</source>
        <translation>Patientenname:</translation>
    </message>
    <message>
        <location filename="../ui/pacs_panel.cpp" line="84" />
        <source>Patient ID:</source>
        <translation>Patienten-ID:</translation>
    </message>
    <message>
        <location filename="../ui/pacs_panel.cpp" line="85" />
        <source>Study date:</source>
        <translation>Studiendatum:</translation>
    </message>
    <message>
        <location filename="../ui/pacs_panel.cpp" line="88" />
        <source>Modality:</source>
        <translation>Modalität:</translation>
    </message>
    <message>
        <location filename="../ui/pacs_panel.cpp" line="89" />
        <source>Accession no.:</source>
        <translation>Auftragsnr.:</translation>
    </message>
    <message>
        <location filename="../ui/pacs_panel.cpp" line="93" />
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <location filename="../ui/pacs_panel.cpp" line="95" />
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/pacs_panel.cpp" line="106" />
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location filename="../ui/pacs_panel.cpp" line="107" />
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../ui/pacs_panel.cpp" line="108" />
        <source>Modality</source>
        <translation>Modalität</translation>
    </message>
    <message>
        <location filename="../ui/pacs_panel.cpp" line="109" />
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <location filename="../ui/pacs_panel.cpp" line="110" />
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <location filename="../ui/pacs_panel.cpp" line="111" />
        <source>Patient ID</source>
        <translation>Patienten-ID</translation>
    </message>
    <message>
        <location filename="../ui/pacs_panel.cpp" line="119" />
        <source>Double-click a study or series to retrieve and open it</source>
        <translation>Doppelklick auf eine Studie oder Serie ruft sie ab und öffnet sie</translation>
    </message>
    <message>
        <location filename="../ui/pacs_panel.cpp" line="161" />
        <source>No PACS server yet: add one with "Servers…".</source>
        <translation>Noch kein PACS-Server: einen mit „Server…“ hinzufügen.</translation>
    </message>
    <message>
        <location filename="../ui/pacs_panel.cpp" line="162" />
        <source>No PACS server yet</source>
        <translation>Noch kein PACS-Server</translation>
    </message>
    <message>
        <location filename="../ui/pacs_panel.cpp" line="170" />
        <source>Choose a PACS server first (Settings &gt; PACS).</source>
        <translation>Zuerst einen PACS-Server wählen (Einstellungen &gt; PACS).</translation>
    </message>
    <message>
        <location filename="../ui/pacs_panel.cpp" line="223" />
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <location filename="../ui/pacs_panel.cpp" line="271" />
        <source>Searching…</source>
        <translation>Suche läuft…</translation>
    </message>
    <message>
        <location filename="../ui/pacs_panel.cpp" line="277" />
        <source>Search cancelled.</source>
        <translation>Suche abgebrochen.</translation>
    </message>
    <message>
        <location filename="../ui/pacs_panel.cpp" line="301" />
        <source>Study %1
Accession number: %2</source>
        <translation>Studie %1
Auftragsnummer: %2</translation>
    </message>
    <message>
        <location filename="../ui/pacs_panel.cpp" line="301" />
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../ui/pacs_panel.cpp" line="304" />
        <location filename="../ui/pacs_panel.cpp" line="415" />
        <source>In the local cache: opens without a transfer</source>
        <translation>Im lokalen Cache: öffnet ohne Übertragung</translation>
    </message>
    <message>
        <location filename="../ui/pacs_panel.cpp" line="315" />
        <source>No study matches.</source>
        <translation>Keine Studie passt.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/pacs_panel.cpp" line="315" />
        <source>%n study(ies) found.</source>
        <translation><numerusform>%n Studie gefunden.</numerusform><numerusform>%n Studien gefunden.</numerusform></translation>
    </message>
    <message>
        <location filename="../ui/pacs_panel.cpp" line="316" />
        <source>The server has more: narrow the search.</source>
        <translation>Der Server hat mehr: die Suche eingrenzen.</translation>
    </message>
    <message>
        <location filename="../ui/pacs_panel.cpp" line="325" />
        <source>Listing the series…</source>
        <translation>Serien werden aufgelistet…</translation>
    </message>
    <message>
        <location filename="../ui/pacs_panel.cpp" line="346" />
        <location filename="../ui/pacs_panel.cpp" line="353" />
        <source>Series %1</source>
        <translation>Serie %1</translation>
    </message>
    <message>
        <location filename="../ui/pacs_panel.cpp" line="346" />
        <source>Series</source>
        <translation>Serie</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/pacs_panel.cpp" line="356" />
        <source>%n series.</source>
        <translation><numerusform>%n Serie.</numerusform><numerusform>%n Serien.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/pacs_panel.cpp" line="371" />
        <source>Opened from the local cache (%n file(s), no transfer).</source>
        <translation><numerusform>Aus dem lokalen Cache geöffnet (%n Datei, keine Übertragung).</numerusform><numerusform>Aus dem lokalen Cache geöffnet (%n Dateien, keine Übertragung).</numerusform></translation>
    </message>
    <message>
        <location filename="../ui/pacs_panel.cpp" line="378" />
        <source>The server listed an invalid Study Instance UID.</source>
        <translation>Der Server hat eine ungültige Study-Instance-UID aufgeführt.</translation>
    </message>
    <message>
        <location filename="../ui/pacs_panel.cpp" line="383" />
        <source>Retrieving…</source>
        <translation>Wird abgerufen…</translation>
    </message>
    <message>
        <location filename="../ui/pacs_panel.cpp" line="393" />
        <source>%1 of %2 images, %3 MB</source>
        <translation>%1 von %2 Bildern, %3 MB</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/pacs_panel.cpp" line="403" />
        <source>Retrieve cancelled; %n image(s) kept in the cache for the next try.</source>
        <translation><numerusform>Abruf abgebrochen; %n Bild bleibt für den nächsten Versuch im Cache.</numerusform><numerusform>Abruf abgebrochen; %n Bilder bleiben für den nächsten Versuch im Cache.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/pacs_panel.cpp" line="417" />
        <source>Retrieved %n image(s).</source>
        <translation><numerusform>%n Bild abgerufen.</numerusform><numerusform>%n Bilder abgerufen.</numerusform></translation>
    </message>
</context>
<context>
    <name>cxr::ui::PacsServersEditor</name>
    <message>
        <location filename="../ui/pacs_servers.cpp" line="40" />
        <source>Our AE title "%1" is not valid (1 to 16 characters, no backslash).</source>
        <translation>Unser AE-Titel „%1“ ist ungültig (1 bis 16 Zeichen, kein Backslash).</translation>
    </message>
    <message>
        <location filename="../ui/pacs_servers.cpp" line="113" />
        <source>The system keychain could not be read: %1</source>
        <translation>Der Schlüsselbund des Systems kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/pacs_servers.cpp" line="142" />
        <source>The system keychain is not available (%1): the password is kept for this session only and never written to a settings file.</source>
        <translation>Der Schlüsselbund des Systems ist nicht verfügbar (%1): das Passwort gilt nur für diese Sitzung und wird nie in eine Einstellungsdatei geschrieben.</translation>
    </message>
    <message>
        <location filename="../ui/pacs_servers.cpp" line="163" />
        <source>Password of %1 on %2:</source>
        <translation>Passwort von %1 auf %2:</translation>
    </message>
    <message>
        <location filename="../ui/pacs_servers.cpp" line="166" />
        <source>PACS password</source>
        <translation>PACS-Passwort</translation>
    </message>
    <message>
        <location filename="../ui/pacs_servers.cpp" line="189" />
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/pacs_servers.cpp" line="190" />
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../ui/pacs_servers.cpp" line="199" />
        <source>DICOMweb (QIDO-RS, WADO-RS, STOW-RS)</source>
        <translation>DICOMweb (QIDO-RS, WADO-RS, STOW-RS)</translation>
    </message>
    <message>
        <location filename="../ui/pacs_servers.cpp" line="200" />
        <source>DIMSE (C-FIND, C-GET / C-MOVE, C-STORE)</source>
        <translation>DIMSE (C-FIND, C-GET / C-MOVE, C-STORE)</translation>
    </message>
    <message>
        <location filename="../ui/pacs_servers.cpp" line="209" />
        <source>kept in the system keychain</source>
        <translation>im Schlüsselbund des Systems gespeichert</translation>
    </message>
    <message>
        <location filename="../ui/pacs_servers.cpp" line="211" />
        <source>C-GET</source>
        <translation>C-GET</translation>
    </message>
    <message>
        <location filename="../ui/pacs_servers.cpp" line="212" />
        <source>C-MOVE to our AE title on port:</source>
        <translation>C-MOVE an unseren AE-Titel auf Port:</translation>
    </message>
    <message>
        <location filename="../ui/pacs_servers.cpp" line="220" />
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../ui/pacs_servers.cpp" line="221" />
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../ui/pacs_servers.cpp" line="222" />
        <source>Kind:</source>
        <translation>Art:</translation>
    </message>
    <message>
        <location filename="../ui/pacs_servers.cpp" line="223" />
        <source>Address:</source>
        <translation>Adresse:</translation>
    </message>
    <message>
        <location filename="../ui/pacs_servers.cpp" line="225" />
        <source>Our AE title:</source>
        <translation>Unser AE-Titel:</translation>
    </message>
    <message>
        <location filename="../ui/pacs_servers.cpp" line="226" />
        <source>User:</source>
        <translation>Benutzer:</translation>
    </message>
    <message>
        <location filename="../ui/pacs_servers.cpp" line="227" />
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <location filename="../ui/pacs_servers.cpp" line="228" />
        <source>Retrieve with:</source>
        <translation>Abrufen mit:</translation>
    </message>
    <message>
        <location filename="../ui/pacs_servers.cpp" line="229" />
        <source>Timeout:</source>
        <translation>Zeitlimit:</translation>
    </message>
    <message>
        <location filename="../ui/pacs_servers.cpp" line="230" />
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <location filename="../ui/pacs_servers.cpp" line="245" />
        <source>New server %1</source>
        <translation>Neuer Server %1</translation>
    </message>
    <message>
        <location filename="../ui/pacs_servers.cpp" line="324" />
        <source>(no name)</source>
        <translation>(kein Name)</translation>
    </message>
    <message>
        <location filename="../ui/pacs_servers.cpp" line="334" />
        <source>The DICOMweb root, e.g. https://pacs.example.org/dicom-web (Orthanc: http://host:8042/dicom-web).</source>
        <translation>Die DICOMweb-Wurzel, z. B. https://pacs.example.org/dicom-web (Orthanc: http://host:8042/dicom-web).</translation>
    </message>
    <message>
        <location filename="../ui/pacs_servers.cpp" line="335" />
        <source>The PACS's AE title, host and port, e.g. ORTHANC@pacs.example.org:4242. For C-MOVE the PACS must know our AE title with this computer's address and the port below.</source>
        <translation>AE-Titel, Rechner und Port des PACS, z. B. ORTHANC@pacs.example.org:4242. Für C-MOVE muss das PACS unseren AE-Titel mit der Adresse dieses Rechners und dem Port unten kennen.</translation>
    </message>
    <message>
        <location filename="../ui/pacs_servers.cpp" line="355" />
        <source>Connecting…</source>
        <translation>Verbindung wird aufgebaut…</translation>
    </message>
    <message>
        <location filename="../ui/pacs_servers.cpp" line="362" />
        <source>Connected: the server answered.</source>
        <translation>Verbunden: der Server hat geantwortet.</translation>
    </message>
</context>
<context>
    <name>cxr::ui::PreparationSettingsPage</name>
    <message>
        <location filename="../ui/preparation_settings.cpp" line="34" />
        <source>Preparing images before the sentence</source>
        <translation>Bilder vor dem Satz vorbereiten</translation>
    </message>
    <message>
        <location filename="../ui/preparation_settings.cpp" line="36" />
        <source>The costly part of grounding, the image's inversion, does not depend on the sentence. The viewer computes it in the background as soon as an image is shown; a sentence then costs only the attention window's passes. A sentence you ask for always goes first.</source>
        <translation>Der teure Teil der Verortung, die DDIM-Inversion des Bildes, hängt nicht vom Satz ab. Der Betrachter berechnet sie im Hintergrund, sobald ein Bild gezeigt wird; ein Satz kostet dann nur noch die Durchläufe des Attention-Fensters. Ein Satz, den Sie verorten lassen, geht immer vor.</translation>
    </message>
    <message>
        <location filename="../ui/preparation_settings.cpp" line="42" />
        <source>Prepare the shown image in the background</source>
        <translation>Das gezeigte Bild im Hintergrund vorbereiten</translation>
    </message>
    <message>
        <location filename="../ui/preparation_settings.cpp" line="48" />
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../ui/preparation_settings.cpp" line="50" />
        <source>The images after the shown one in its study, series by series. Without the disk cache at most %1 are kept.</source>
        <translation>Die Bilder nach dem gezeigten in seiner Studie, Serie für Serie. Ohne den Cache auf der Festplatte werden höchstens %1 behalten.</translation>
    </message>
    <message>
        <location filename="../ui/preparation_settings.cpp" line="52" />
        <source>Also prepare the next images of the study:</source>
        <translation>Auch die nächsten Bilder der Studie vorbereiten:</translation>
    </message>
    <message>
        <location filename="../ui/preparation_settings.cpp" line="58" />
        <source>Disk cache of prepared images</source>
        <translation>Cache vorbereiteter Bilder auf der Festplatte</translation>
    </message>
    <message>
        <location filename="../ui/preparation_settings.cpp" line="60" />
        <source>Keep prepared images on disk (after a restart too, shared with cxr-ground)</source>
        <translation>Vorbereitete Bilder auf der Festplatte behalten (auch nach einem Neustart, gemeinsam mit cxr-ground)</translation>
    </message>
    <message>
        <location filename="../ui/preparation_settings.cpp" line="67" />
        <source>Empty: the default folder, %1</source>
        <translation>Leer: der Standardordner, %1</translation>
    </message>
    <message>
        <location filename="../ui/preparation_settings.cpp" line="68" />
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../ui/preparation_settings.cpp" line="69" />
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location filename="../ui/preparation_settings.cpp" line="73" />
        <source>Location:</source>
        <translation>Ort:</translation>
    </message>
    <message>
        <location filename="../ui/preparation_settings.cpp" line="77" />
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <location filename="../ui/preparation_settings.cpp" line="79" />
        <source>The least recently used images are removed first. An image at the paper's setting takes about 8.6 MB.</source>
        <translation>Die am längsten nicht benutzten Bilder werden zuerst entfernt. Ein Bild in der Einstellung der Veröffentlichung belegt etwa 8,6 MB.</translation>
    </message>
    <message>
        <location filename="../ui/preparation_settings.cpp" line="81" />
        <source>Size limit:</source>
        <translation>Größengrenze:</translation>
    </message>
    <message>
        <location filename="../ui/preparation_settings.cpp" line="86" />
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <location filename="../ui/preparation_settings.cpp" line="87" />
        <source>Removes every prepared image from the disk cache (they are prepared again when needed)</source>
        <translation>Entfernt alle vorbereiteten Bilder aus dem Cache auf der Festplatte (sie werden bei Bedarf neu vorbereitet)</translation>
    </message>
    <message>
        <location filename="../ui/preparation_settings.cpp" line="90" />
        <source>Now:</source>
        <translation>Jetzt:</translation>
    </message>
    <message>
        <location filename="../ui/preparation_settings.cpp" line="96" />
        <source>Cache folder</source>
        <translation>Cache-Ordner</translation>
    </message>
    <message>
        <location filename="../ui/preparation_settings.cpp" line="131" />
        <source>Clearing…</source>
        <translation>Wird geleert…</translation>
    </message>
    <message>
        <location filename="../ui/preparation_settings.cpp" line="131" />
        <source>Counting…</source>
        <translation>Wird gezählt…</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/preparation_settings.cpp" line="140" />
        <source>%1 MB in %n image(s)</source>
        <translation><numerusform>%1 MB in %n Bild</numerusform><numerusform>%1 MB in %n Bildern</numerusform></translation>
    </message>
    <message>
        <location filename="../ui/preparation_settings.cpp" line="152" />
        <source>Not everything could be removed: %1</source>
        <translation>Nicht alles konnte entfernt werden: %1</translation>
    </message>
</context>
<context>
    <name>cxr::ui::Reading</name>
    <message>
        <location filename="../ui/reading.cpp" line="19" />
        <source>Patient name</source>
        <translation>Patientenname</translation>
    </message>
    <message>
        <location filename="../ui/reading.cpp" line="20" />
        <source>Patient ID</source>
        <translation>Patienten-ID</translation>
    </message>
    <message>
        <location filename="../ui/reading.cpp" line="21" />
        <source>Birth date and sex</source>
        <translation>Geburtsdatum und Geschlecht</translation>
    </message>
    <message>
        <location filename="../ui/reading.cpp" line="22" />
        <source>Study date</source>
        <translation>Untersuchungsdatum</translation>
    </message>
    <message>
        <location filename="../ui/reading.cpp" line="23" />
        <source>Accession number</source>
        <translation>Auftragsnummer</translation>
    </message>
    <message>
        <location filename="../ui/reading.cpp" line="24" />
        <source>Series and instance</source>
        <translation>Serie und Bild</translation>
    </message>
    <message>
        <location filename="../ui/reading.cpp" line="25" />
        <source>View position</source>
        <translation>Projektion</translation>
    </message>
    <message>
        <location filename="../ui/reading.cpp" line="26" />
        <source>Window</source>
        <translation>Fenster</translation>
    </message>
    <message>
        <location filename="../ui/reading.cpp" line="27" />
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <location filename="../ui/reading.cpp" line="62" />
        <source>ID %1</source>
        <translation>ID %1</translation>
    </message>
    <message>
        <location filename="../ui/reading.cpp" line="64" />
        <source>born %1</source>
        <translation>geb. %1</translation>
    </message>
    <message>
        <location filename="../ui/reading.cpp" line="71" />
        <source>Acc %1</source>
        <translation>Auftr. %1</translation>
    </message>
    <message>
        <location filename="../ui/reading.cpp" line="73" />
        <source>Se %1  Im %2</source>
        <translation>Se %1  Bi %2</translation>
    </message>
    <message>
        <location filename="../ui/reading.cpp" line="75" />
        <source>Se %1</source>
        <translation>Se %1</translation>
    </message>
    <message>
        <location filename="../ui/reading.cpp" line="82" />
        <source>VOI LUT</source>
        <translation>VOI LUT</translation>
    </message>
    <message>
        <location filename="../ui/reading.cpp" line="83" />
        <source>C %1  W %2</source>
        <translation>Z %1  B %2</translation>
    </message>
    <message>
        <location filename="../ui/reading.cpp" line="84" />
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location filename="../ui/reading.cpp" line="92" />
        <source>Distance</source>
        <translation>Strecke</translation>
    </message>
    <message>
        <location filename="../ui/reading.cpp" line="93" />
        <source>Angle</source>
        <translation>Winkel</translation>
    </message>
    <message>
        <location filename="../ui/reading.cpp" line="94" />
        <source>Rectangle</source>
        <translation>Rechteck</translation>
    </message>
    <message>
        <location filename="../ui/reading.cpp" line="95" />
        <source>Ellipse</source>
        <translation>Ellipse</translation>
    </message>
    <message>
        <location filename="../ui/reading.cpp" line="96" />
        <source>Cardiothoracic ratio</source>
        <translation>Kardiothorakaler Quotient</translation>
    </message>
    <message>
        <location filename="../ui/reading.cpp" line="102" />
        <source>mm</source>
        <translation>mm</translation>
    </message>
    <message>
        <location filename="../ui/reading.cpp" line="102" />
        <source>px</source>
        <translation>px</translation>
    </message>
    <message>
        <location filename="../ui/reading.cpp" line="103" />
        <source>mm²</source>
        <translation>mm²</translation>
    </message>
    <message>
        <location filename="../ui/reading.cpp" line="103" />
        <source>px²</source>
        <translation>px²</translation>
    </message>
    <message>
        <location filename="../ui/reading.cpp" line="108" />
        <source>%1°</source>
        <translation>%1°</translation>
    </message>
    <message>
        <location filename="../ui/reading.cpp" line="111" />
        <source>area %1 %2</source>
        <translation>Fläche %1 %2</translation>
    </message>
    <message>
        <location filename="../ui/reading.cpp" line="112" />
        <source>mean %1  SD %2</source>
        <translation>Mittel %1  SD %2</translation>
    </message>
    <message>
        <location filename="../ui/reading.cpp" line="114" />
        <source>CTR %1</source>
        <translation>CTR %1</translation>
    </message>
    <message>
        <location filename="../ui/reading.cpp" line="114" />
        <source>heart %1 / thorax %2</source>
        <translation>Herz %1 / Thorax %2</translation>
    </message>
    <message>
        <location filename="../ui/reading.cpp" line="121" />
        <source>No pixel spacing in the file: lengths in pixels.</source>
        <translation>Kein Pixelabstand in der Datei: Längen in Pixeln.</translation>
    </message>
    <message>
        <location filename="../ui/reading.cpp" line="123" />
        <source>Imager Pixel Spacing: mm at the detector, not calibrated (the patient is magnified).</source>
        <translation>Imager Pixel Spacing: mm am Detektor, nicht kalibriert (der Patient ist vergrößert abgebildet).</translation>
    </message>
</context>
<context>
    <name>cxr::ui::SendToPacsDialog</name>
    <message>
        <location filename="../ui/pacs_send.cpp" line="25" />
        <source>Send to PACS</source>
        <translation>An PACS senden</translation>
    </message>
    <message>
        <location filename="../ui/pacs_send.cpp" line="31" />
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <location filename="../ui/pacs_send.cpp" line="32" />
        <source>Secondary Capture: the picture as exported (layers, caption, colour bar)</source>
        <translation>Secondary Capture: das Bild wie exportiert (Ebenen, Beschriftung, Farbskala)</translation>
    </message>
    <message>
        <location filename="../ui/pacs_send.cpp" line="33" />
        <source>Segmentation: the mask of the shown prompt</source>
        <translation>Segmentierung: die Maske des gezeigten Satzes</translation>
    </message>
    <message>
        <location filename="../ui/pacs_send.cpp" line="34" />
        <source>Parametric Map: the heat map of the shown prompt (values 0-1)</source>
        <translation>Parameterkarte: die Heatmap des gezeigten Satzes (Werte 0-1)</translation>
    </message>
    <message>
        <location filename="../ui/pacs_send.cpp" line="35" />
        <source>Anonymise (remove patient identifiers)</source>
        <translation>Anonymisieren (Patientenkennungen entfernen)</translation>
    </message>
    <message>
        <location filename="../ui/pacs_send.cpp" line="50" />
        <source>Each object's status appears here.</source>
        <translation>Hier erscheint der Status jedes Objekts.</translation>
    </message>
    <message>
        <location filename="../ui/pacs_send.cpp" line="53" />
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <location filename="../ui/pacs_send.cpp" line="54" />
        <source>Cancel transfer</source>
        <translation>Übertragung abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/pacs_send.cpp" line="86" />
        <source>No image is open.</source>
        <translation>Es ist kein Bild geöffnet.</translation>
    </message>
    <message>
        <location filename="../ui/pacs_send.cpp" line="87" />
        <source>The image is not DICOM: only the Secondary Capture can be sent (in a new study).</source>
        <translation>Das Bild ist kein DICOM: nur das Secondary Capture kann gesendet werden (in einer neuen Studie).</translation>
    </message>
    <message>
        <location filename="../ui/pacs_send.cpp" line="88" />
        <source>No grounded prompt is shown: the Secondary Capture shows the image alone.</source>
        <translation>Kein verorteter Satz wird gezeigt: das Secondary Capture zeigt nur das Bild.</translation>
    </message>
    <message>
        <location filename="../ui/pacs_send.cpp" line="89" />
        <source>Compare mode: the Secondary Capture shows the grid.</source>
        <translation>Vergleichsmodus: das Secondary Capture zeigt das Raster.</translation>
    </message>
    <message>
        <location filename="../ui/pacs_send.cpp" line="90" />
        <source>No PACS server yet: add one in Settings &gt; PACS.</source>
        <translation>Noch kein PACS-Server: einen unter Einstellungen &gt; PACS hinzufügen.</translation>
    </message>
    <message>
        <location filename="../ui/pacs_send.cpp" line="115" />
        <source>Secondary Capture</source>
        <translation>Secondary Capture</translation>
    </message>
    <message>
        <location filename="../ui/pacs_send.cpp" line="116" />
        <source>Segmentation</source>
        <translation>Segmentierung</translation>
    </message>
    <message>
        <location filename="../ui/pacs_send.cpp" line="117" />
        <source>Parametric Map</source>
        <translation>Parameterkarte</translation>
    </message>
    <message>
        <location filename="../ui/pacs_send.cpp" line="127" />
        <source>%1: not written: %2</source>
        <translation>%1: nicht geschrieben: %2</translation>
    </message>
    <message>
        <location filename="../ui/pacs_send.cpp" line="182" />
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/pacs_send.cpp" line="187" />
        <source>All %n object(s) stored on %1.</source>
        <translation><numerusform>%n Objekt auf %1 gespeichert.</numerusform><numerusform>Alle %n Objekte auf %1 gespeichert.</numerusform></translation>
    </message>
    <message>
        <location filename="../ui/pacs_send.cpp" line="188" />
        <source>%1 of %2 object(s) stored.</source>
        <translation>%1 von %2 Objekten gespeichert.</translation>
    </message>
</context>
<context>
    <name>cxr::ui::SettingsDialog</name>
    <message>
        <location filename="../ui/dialogs.cpp" line="139" />
        <source>No model folder is set.</source>
        <translation>Es ist kein Modellordner eingestellt.</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="141" />
        <source>%1 is not a folder.</source>
        <translation>%1 ist kein Ordner.</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="148" />
        <source>Usable: every file is present and every tensor matches its configuration.</source>
        <translation>Verwendbar: jede Datei ist vorhanden und jeder Tensor passt zu seiner Konfiguration.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/dialogs.cpp" line="150" />
        <source>This folder cannot be used (%n problem(s)):</source>
        <translation><numerusform>Dieser Ordner kann nicht verwendet werden (%n Problem):</numerusform><numerusform>Dieser Ordner kann nicht verwendet werden (%n Probleme):</numerusform></translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="156" />
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="156" />
        <source>not present (optional)</source>
        <translation>nicht vorhanden (optional)</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="160" />
        <source>ok, %1 kB</source>
        <translation>in Ordnung, %1 kB</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="161" />
        <source>ok, %1 MB</source>
        <translation>in Ordnung, %1 MB</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="165" />
        <source>Note: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="170" />
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="182" />
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="183" />
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="185" />
        <source>Theme:</source>
        <translation>Farbschema:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="187" />
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="192" />
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="194" />
        <source>A new language takes effect when the application is restarted.</source>
        <translation>Eine neue Sprache wird nach einem Neustart der Anwendung wirksam.</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="197" />
        <source>Corner text of the image (T shows or hides it with the orientation markers)</source>
        <translation>Ecktexte des Bildes (T zeigt oder verbirgt sie mit den Orientierungsmarken)</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="210" />
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="217" />
        <source>Folder with configs/, models/, text_encoder/ and tokenizer/</source>
        <translation>Ordner mit configs/, models/, text_encoder/ und tokenizer/</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="218" />
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="219" />
        <source>Download…</source>
        <translation>Herunterladen…</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="220" />
        <source>Model folder:</source>
        <translation>Modellordner:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="233" />
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="233" />
        <source>CUDA GPU %1</source>
        <translation>CUDA-GPU %1</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="235" />
        <source>This build of LibTorch has no CUDA support, or no GPU was found.</source>
        <translation>Diese LibTorch-Version unterstützt kein CUDA, oder es wurde keine GPU gefunden.</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="238" />
        <source>Device:</source>
        <translation>Gerät:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="240" />
        <source>fp32 (exact, as the paper)</source>
        <translation>fp32 (exakt, wie in der Veröffentlichung)</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="241" />
        <source>bf16 (faster on GPUs)</source>
        <translation>bf16 (schneller auf GPUs)</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="242" />
        <source>fp16 (faster on GPUs)</source>
        <translation>fp16 (schneller auf GPUs)</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="245" />
        <source>Precision:</source>
        <translation>Genauigkeit:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="248" />
        <source>all cores (%1)</source>
        <translation>alle Kerne (%1)</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="250" />
        <source>CPU threads:</source>
        <translation>CPU-Threads:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="254" />
        <source>Diffusion bundle from:</source>
        <translation>Diffusions-Bundle von:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="255" />
        <source>Text encoder from:</source>
        <translation>Text-Encoder von:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="257" />
        <source>Official download locations</source>
        <translation>Offizielle Download-Adressen</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="264" />
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="268" />
        <source>Preparation</source>
        <translation>Vorbereitung</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="273" />
        <source>PACS</source>
        <translation>PACS</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="282" />
        <source>Model folder</source>
        <translation>Modellordner</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="298" />
        <source>bf16 and fp16 are offered on CUDA devices that run them.</source>
        <translation>bf16 und fp16 gibt es auf CUDA-Geräten, die sie rechnen können.</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="305" />
        <source>Checking %1…</source>
        <translation>%1 wird geprüft…</translation>
    </message>
</context>
<context>
    <name>cxr::ui::ShortcutsDialog</name>
    <message>
        <location filename="../ui/dialogs.cpp" line="105" />
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="110" />
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="110" />
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="118" />
        <source>Zoom about the cursor</source>
        <translation>Um den Mauszeiger zoomen</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="118" />
        <source>Mouse wheel</source>
        <translation>Mausrad</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="119" />
        <source>Pan</source>
        <translation>Verschieben</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="119" />
        <source>Left or middle drag</source>
        <translation>Mit linker oder mittlerer Maustaste ziehen</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="120" />
        <source>Window/level (right/left: width, up/down: centre)</source>
        <translation>Fensterung (rechts/links: Breite, hoch/runter: Zentrum)</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="120" />
        <source>Right drag</source>
        <translation>Mit rechter Maustaste ziehen</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="121" />
        <source>Fit to window</source>
        <translation>An Fenster anpassen</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="121" />
        <source>Double-click</source>
        <translation>Doppelklick</translation>
    </message>
</context>
<context>
    <name>cxr::ui::SideBySideView</name>
    <message>
        <location filename="../ui/side_by_side.cpp" line="22" />
        <source>linked</source>
        <translation>verknüpft</translation>
    </message>
    <message>
        <location filename="../ui/side_by_side.cpp" line="63" />
        <source>Current study and prior (same patient)</source>
        <translation>Aktuelle Untersuchung und Voruntersuchung (derselbe Patient)</translation>
    </message>
    <message>
        <location filename="../ui/side_by_side.cpp" line="63" />
        <source>PA and lateral (same study)</source>
        <translation>PA und seitlich (dieselbe Untersuchung)</translation>
    </message>
    <message>
        <location filename="../ui/side_by_side.cpp" line="64" />
        <source>Zoom and pan follow each other; the cursor is marked on the other side</source>
        <translation>Zoom und Verschieben folgen einander; der Mauszeiger wird auf der anderen Seite markiert</translation>
    </message>
    <message>
        <location filename="../ui/side_by_side.cpp" line="65" />
        <source>Zoom, pan and window follow each other</source>
        <translation>Zoom, Verschieben und Fenster folgen einander</translation>
    </message>
</context>
<context>
    <name>cxr::ui::StudiesBrowser</name>
    <message>
        <location filename="../ui/studies_browser.cpp" line="44" />
        <source>#%1  %2</source>
        <translation>#%1  %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/studies_browser.cpp" line="45" />
        <location filename="../ui/studies_browser.cpp" line="54" />
        <source>%n frame(s)</source>
        <translation><numerusform>%n Bild</numerusform><numerusform>%n Bilder</numerusform></translation>
    </message>
    <message>
        <location filename="../ui/studies_browser.cpp" line="65" />
        <source>(no name)</source>
        <translation>(kein Name)</translation>
    </message>
    <message>
        <location filename="../ui/studies_browser.cpp" line="74" />
        <source>Study</source>
        <translation>Studie</translation>
    </message>
    <message>
        <location filename="../ui/studies_browser.cpp" line="80" />
        <source>Series %1 %2 %3</source>
        <translation>Serie %1 %2 %3</translation>
    </message>
</context>
<context>
    <name>cxr::ui::TagDialog</name>
    <message>
        <location filename="../ui/dialogs.cpp" line="42" />
        <source>DICOM tags</source>
        <translation>DICOM-Tags</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="49" />
        <source>Search tag, name or value</source>
        <translation>Tag, Name oder Wert suchen</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="53" />
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="53" />
        <source>VR</source>
        <translation>VR</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="53" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/dialogs.cpp" line="53" />
        <source>Value</source>
        <translation>Wert</translation>
    </message>
</context>
<context>
    <name>cxr::ui::Viewport</name>
    <message>
        <location filename="../ui/viewport.cpp" line="193" />
        <source>Open a chest X-ray (DICOM, PNG or JPEG): File &gt; Open, or drop files here.</source>
        <translation>Ein Thorax-Röntgenbild öffnen (DICOM, PNG oder JPEG): Datei &gt; Öffnen, oder Dateien hierher ziehen.</translation>
    </message>
    <message>
        <location filename="../ui/viewport.cpp" line="593" />
        <source>box %1</source>
        <translation>Box %1</translation>
    </message>
    <message>
        <location filename="../ui/viewport.cpp" line="647" />
        <source>Otsu %1</source>
        <translation>Otsu %1</translation>
    </message>
    <message>
        <location filename="../ui/viewport.cpp" line="650" />
        <source>cut %1</source>
        <translation>Grenze %1</translation>
    </message>
    <message>
        <location filename="../ui/viewport.cpp" line="656" />
        <source>range %1 – %2</source>
        <translation>Bereich %1 – %2</translation>
    </message>
</context>
</TS>