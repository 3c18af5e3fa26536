"""A small copy of the knowledge base for retrieval tests that edit files or start servers."""

from __future__ import annotations

import shutil
from pathlib import Path

from bot.config import Settings
from bot.core.knowledge import DEFAULT_GALLERY_DIR, DEFAULT_KNOWLEDGE_DIR, load_knowledge
from bot.core.retrieval import Retriever

# A small knowledge base for the sync tests: two guide sections, two models, their gallery.
TINY_GUIDE = ("05-camera-language.md", "10-consistency.md")
TINY_MODELS = ("runway", "luma")


def make_tiny_kb(root: Path) -> tuple[Path, Path]:
    kdir, gdir = root / "knowledge", root / "gallery"
    (kdir / "guide").mkdir(parents=True)
    (kdir / "models").mkdir()
    gdir.mkdir()
    for name in TINY_GUIDE:
        shutil.copy(DEFAULT_KNOWLEDGE_DIR / "guide" / name, kdir / "guide" / name)
    for m in TINY_MODELS:
        shutil.copy(DEFAULT_KNOWLEDGE_DIR / "models" / f"{m}.yaml", kdir / "models")
    for path in DEFAULT_GALLERY_DIR.glob("*.yaml"):
        if path.name.startswith(TINY_MODELS):
            shutil.copy(path, gdir)
    return kdir, gdir


def tiny_retriever(root: Path, data_dir: Path, chroma_url: str | None = None,
                   **settings) -> Retriever:
    settings = Settings(data_dir=data_dir, knowledge_dir=root / "knowledge",
                        gallery_dir=root / "gallery", chroma_url=chroma_url, _env_file=None,
                        **settings)
    return Retriever(settings, load_knowledge(settings.knowledge_dir, settings.gallery_dir),
                     chat_model=None)
