#!/usr/bin/env python3
"""Generates a Markdown corpus for the manual-build benchmark: SECTIONS folders of PAGES pages each, with
front matter, h2/h3 headings, Chinese paragraphs, a table, a task list, a code block, an admonition and
links to neighbouring pages (all of which resolve). Deterministic: the same arguments give the same bytes.

    python3 bench/manual-corpus.py OUT_DIR [--pages 2000] [--sections 20]

OUT_DIR gets the pages directly (OUT_DIR/index.md, OUT_DIR/sec-01/index.md, OUT_DIR/sec-01/page-001.md ...),
so it can serve as a workspace's Content/training/, as MkDocs' docs/ and as Hugo's content/.
"""
import argparse
import os
import random

WORDS = ("档案 同步 巡检 签章 电子文件 分局 数据中心 异地备份 自助终端 查询 案卷 页面 哈希 校验 目录 企业 "
         "登记 变更 注销 备案 维护 合同 服务 报告 任务单 响应 到场 磁盘 空间 预测 锁定 网络 工作站 加工中心 "
         "扫描 生成 积压 失败 恢复 备份 数据库 迁移 升级 培训 新员工 值班 监控 告警").split()


def sentence(rng):
    n = rng.randint(8, 18)
    return "".join(rng.choice(WORDS) for _ in range(n)) + "。"


def paragraph(rng):
    return "".join(sentence(rng) for _ in range(rng.randint(3, 6)))


def page(rng, title, order, links):
    out = [f"---\ntitle: {title}\norder: {order}\n---\n"]
    for h in range(1, 4):
        out.append(f"## 第 {h} 节 {rng.choice(WORDS)}{rng.choice(WORDS)} {{#s{h}}}\n")
        out.append(paragraph(rng) + "\n")
        out.append(f"### 步骤 {h}\n")
        out.append("\n".join(f"{i}. {sentence(rng)}" for i in range(1, 5)) + "\n")
        out.append(paragraph(rng) + "\n")
    out.append("| 项目 | 说明 | 数量 |\n|---|---|---|\n" +
               "\n".join(f"| {rng.choice(WORDS)} | {sentence(rng)} | {rng.randint(1, 999)} |" for _ in range(5)) + "\n")
    out.append("- [x] " + sentence(rng) + "\n- [ ] " + sentence(rng) + "\n")
    out.append("> **提示** " + sentence(rng) + "\n")
    out.append("```bash\narchive-ops check --workspace /srv/archive-ops --only sync\n```\n")
    out.append("相关页面：" + "、".join(f"[{t}]({href})" for t, href in links) + "。\n")
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--pages", type=int, default=2000)
    ap.add_argument("--sections", type=int, default=20)
    args = ap.parse_args()
    rng = random.Random(20230630)
    per = args.pages // args.sections
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "index.md"), "w", encoding="utf-8") as f:
        f.write("---\ntitle: 基准手册\norder: 0\n---\n\n" + paragraph(rng) + "\n\n" +
                "\n".join(f"- [第 {s} 部分](sec-{s:02d}/index.md)" for s in range(1, args.sections + 1)) + "\n")
    for s in range(1, args.sections + 1):
        folder = os.path.join(args.out, f"sec-{s:02d}")
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, "index.md"), "w", encoding="utf-8") as f:
            f.write(f"---\ntitle: 第 {s} 部分\norder: {s}\n---\n\n" + paragraph(rng) + "\n\n" +
                    "\n".join(f"- [页面 {s}-{p}](page-{p:03d}.md)" for p in range(1, per + 1)) + "\n")
        for p in range(1, per + 1):
            prev_p = per if p == 1 else p - 1
            next_p = 1 if p == per else p + 1
            links = [(f"页面 {s}-{prev_p}", f"page-{prev_p:03d}.md#s2"), (f"页面 {s}-{next_p}", f"page-{next_p:03d}.md"),
                     ("本部分", "index.md"), ("首页", "../index.md")]
            with open(os.path.join(folder, f"page-{p:03d}.md"), "w", encoding="utf-8") as f:
                f.write(page(rng, f"页面 {s}-{p} {rng.choice(WORDS)}", p, links))


if __name__ == "__main__":
    main()
