"""Readers: encodings from the bytes, furniture stripped, bad input named."""

import json

from kg.readers import ReadFailure, read_documents

ARTICLE = "县长王明调研\n发布时间：2026-01-05 来源：示例网\n1月4日，县委书记李红到城关镇调研。\n版权所有 示例网"


def _read(tmp_path, name, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return list(read_documents([path]))


def test_utf8_gb18030_utf16_and_bom_read_the_same(tmp_path):
    texts = []
    for i, data in enumerate([ARTICLE.encode("utf-8"), ARTICLE.encode("gb18030"),
                              ARTICLE.encode("utf-16"), b"\xef\xbb\xbf" + ARTICLE.encode("utf-8")]):
        (doc,) = _read(tmp_path, f"a{i}.txt", data)
        texts.append(doc.text)
    assert len(set(texts)) == 1
    assert "县委书记李红" in texts[0]


def test_furniture_is_stripped_and_metadata_kept(tmp_path):
    (doc,) = _read(tmp_path, "a.txt", ARTICLE.encode("utf-8"))
    assert doc.title == "县长王明调研"
    assert doc.date == "2026-01-05"
    assert "版权所有" not in doc.text and "来源" not in doc.text


def test_gbk_file_with_html_extension_is_detected_from_bytes(tmp_path):
    html = "<html><head><title>标题</title></head><body><article><p>1月4日，县委书记李红到城关镇调研，强调要抓好项目建设。</p></article></body></html>"
    (doc,) = _read(tmp_path, "page.html", html.encode("gbk"))
    assert "县委书记李红" in doc.text


def test_bad_files_are_named_with_their_reason(tmp_path):
    (empty,) = _read(tmp_path, "empty.txt", b"")
    (binary,) = _read(tmp_path, "bin.txt", b"\x00\x01\x02binary\x00")
    (junk,) = _read(tmp_path, "junk.txt", bytes(range(128, 256)) * 4)
    assert isinstance(empty, ReadFailure) and "empty" in empty.cause and "empty.txt" in empty.where
    assert isinstance(binary, ReadFailure) and "binary" in binary.cause
    assert isinstance(junk, ReadFailure) and "junk.txt" in junk.where


def test_jsonl_bad_line_is_reported_with_its_number_and_the_rest_read(tmp_path):
    lines = [json.dumps({"id": "a", "text": "县委书记李红主持会议。"}, ensure_ascii=False), "{not json",
             json.dumps({"title": "no id"}), json.dumps({"id": "b", "text": "镇长赵刚出席。"}, ensure_ascii=False)]
    out = _read(tmp_path, "batch.jsonl", "\n".join(lines).encode("utf-8"))
    docs = [d for d in out if not isinstance(d, ReadFailure)]
    failures = [d for d in out if isinstance(d, ReadFailure)]
    assert [d.id for d in docs] == ["a", "b"]
    assert [f.where.rsplit(":", 1)[1] for f in failures] == ["2", "3"]


def test_missing_path_is_a_failure_not_a_crash(tmp_path):
    (failure,) = list(read_documents([tmp_path / "nope.txt"]))
    assert isinstance(failure, ReadFailure) and "no such file" in failure.cause
