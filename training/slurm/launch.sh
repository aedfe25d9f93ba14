#!/bin/bash
# One launcher for train / evaluate / export on a GPU cluster.
#   sbatch training/slurm/launch.sh train qwen3-4b
#   sbatch training/slurm/launch.sh evaluate out/dw-qwen3-4b/model
#   sbatch training/slurm/launch.sh export out/dw-qwen3-4b/model
# Ask for a whole GPU by name: a plain --gres=gpu:1 may land on a MIG slice too small for 4B/8B.
#SBATCH --job-name=dyslexic-writer
#SBATCH --gres=gpu:h100:1
#SBATCH --cpus-per-task=8
#SBATCH --mem=64G
#SBATCH --time=12:00:00
#SBATCH --output=%x-%j.out
set -euo pipefail
STAGE=${1:?stage: train, evaluate or export}
shift
cd "${SLURM_SUBMIT_DIR:-$PWD}"
if [ -n "${DW_MODULES:-}" ]; then module load $DW_MODULES; fi   # e.g. "python/3.11 cuda/12.6"
if [ ! -d .venv ]; then
  python3 -m venv .venv
  .venv/bin/pip install -q -e '.[training]'
fi
. .venv/bin/activate
DATA=${DW_DATA:-out/data}
if [ "$STAGE" = train ] && [ ! -f "$DATA/train.jsonl" ]; then
  dyslexic-writer train prepare --out "$DATA" ${DW_PREPARE_ARGS:-}
fi
case "$STAGE" in
  train) dyslexic-writer train train "$@" --data "$DATA" ;;
  evaluate) dyslexic-writer train evaluate "$@" --test "$DATA/test.jsonl" ;;
  export) dyslexic-writer train export "$@" ;;
  *) echo "unknown stage $STAGE" >&2; exit 2 ;;
esac
