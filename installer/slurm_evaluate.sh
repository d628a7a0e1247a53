#!/bin/bash
# Example: the MS-CXR evaluation of cxr-ground as a Slurm job array, then one merge job.
#
#   sbatch --array=0-7 installer/slurm_evaluate.sh          # 8 shards (N below must match)
#   # or submit everything, the merge waiting for the whole array:
#   jid=$(sbatch --parsable --array=0-7 installer/slurm_evaluate.sh)
#   sbatch --dependency=afterok:$jid --export=ALL,CXRG_MERGE=1 installer/slurm_evaluate.sh
#
# Each array task evaluates shard K/N (K = SLURM_ARRAY_TASK_ID + 1): every N-th image of the CSV
# sorted by path, all samples of an image in one task. A task that is killed or requeued continues
# where it stopped (--resume). The merge job combines the shard folders into $OUT/merged.
# Edit the paths and the #SBATCH lines for your cluster; nothing here is specific to one site.
#
#SBATCH --job-name=cxrg-mscxr
#SBATCH --time=12:00:00
#SBATCH --cpus-per-task=8
#SBATCH --mem=32G
#SBATCH --gres=gpu:1
#SBATCH --requeue
#SBATCH --output=cxrg-mscxr-%A_%a.log

set -euo pipefail

N=${CXRG_SHARDS:-8}                                   # number of shards = size of the array
MODEL=${CXRG_MODEL:-$HOME/cxr-ground/model}            # the model folder
CSV=${CXRG_CSV:-$HOME/ms-cxr/MS_CXR_Local_Alignment_v1.1.0.csv}
IMAGES=${CXRG_IMAGES:-$HOME/mimic-cxr-jpg/2.0.0/files}  # ROOT: ROOT/<path without files/>
OUT=${CXRG_OUT:-$HOME/cxrg-mscxr}
DEVICE=${CXRG_DEVICE:-cuda}
EXE=${CXRG_EXE:-cxr-ground}
SPLIT_ARGS=()                                         # e.g. (--split test) with the v1.1.0 CSV
[ -n "${CXRG_SPLIT:-}" ] && SPLIT_ARGS=(--split "$CXRG_SPLIT")
read -r -a EXTRA <<< "${CXRG_EXTRA:-}"                # more method options, e.g. "--steps 300 --layers 3,4,6,7"

if [ -n "${CXRG_MERGE:-}" ]; then
    shards=()
    for k in $(seq 1 "$N"); do shards+=("$OUT/shard-$k-of-$N"); done
    exec "$EXE" merge --out "$OUT/merged" "${shards[@]}"
fi

: "${SLURM_ARRAY_TASK_ID:?submit as a job array: sbatch --array=0-$((N - 1)) $0}"
K=$((SLURM_ARRAY_TASK_ID + 1))
SHARD_OUT="$OUT/shard-$K-of-$N"
mkdir -p "$SHARD_OUT"
# --resume also works for the first start (nothing finished yet) and after a requeue.
"$EXE" evaluate --model "$MODEL" --csv "$CSV" --images "$IMAGES" --out "$SHARD_OUT" \
    --shard "$K/$N" --resume --device "$DEVICE" --threads "${SLURM_CPUS_PER_TASK:-0}" \
    "${SPLIT_ARGS[@]}" "${EXTRA[@]}"
