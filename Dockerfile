# Framecraft: one image for the Slack bot, the Discord bot and the CLI (`framecraft ...`).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    FRAMECRAFT_DATA_DIR=/data \
    FRAMECRAFT_KNOWLEDGE_DIR=/app/knowledge \
    FRAMECRAFT_GALLERY_DIR=/app/prompts_library

WORKDIR /app

# Torch first and pinned, in its own layer, and the CPU build: scripts/install-torch.sh takes
# torch 2.13.0 from PyTorch's CPU wheel index where it answers and refuses a CUDA build, which
# the default index would pull (gigabytes of nvidia libraries). tests/test_deploy_files.py runs
# this line with a stand-in pip.
COPY scripts/install-torch.sh ./scripts/install-torch.sh
RUN bash scripts/install-torch.sh pip

COPY pyproject.toml README.md ./
COPY bot ./bot
RUN pip install .

# The knowledge base and gallery are data, read from these paths (see ENV above).
COPY knowledge ./knowledge
COPY prompts_library ./prompts_library

RUN useradd --system --uid 10001 --home-dir /data framecraft \
    && mkdir -p /data && chown framecraft /data
USER framecraft
VOLUME ["/data"]

EXPOSE 3000
CMD ["framecraft", "doctor"]
