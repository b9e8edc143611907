import Foundation

/// Writes a repair plan as a bash script for a person to review and run (ArchiveOps never runs it): a
/// header saying what it is, small helpers that verify hashes and copy through a temporary name, then one
/// block per step with the finding it fixes, the command, and the matching undo as a comment.
///
/// Every path and value is one single-quoted word and every comment is one line (``ShellText``), so
/// hostile names in a store or catalog stay names. Corrupt files and moved-aside folders go into
/// `$BACKUP_DIR`, never deleted; SQL runs only when `CATALOG_DB` names the database to change.
public enum RepairScript {
    public struct Header: Sendable {
        public var runID: String
        public var center: String
        public var generatedAt: Date

        public init(runID: String, center: String, generatedAt: Date) {
            self.runID = runID; self.center = center; self.generatedAt = generatedAt
        }
    }

    public static func render(_ steps: [RepairStep], header: Header) -> String {
        let c = ShellText.comment
        let q = ShellText.quote
        let safeRun = String(header.runID.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "-" })
        var s = """
            #!/bin/bash
            # ArchiveOps 修复计划 (repair plan) — 由 archive-ops repair-plan 生成；ArchiveOps 从不执行它。
            # 请逐步审阅后由运维人员执行：bash 本文件。每一步注明它修复的问题和撤销方法。
            # Generated for review; ArchiveOps never runs it. Each step names the finding it fixes and its undo.
            #
            # 巡检 (run): \(c(header.runID))
            # 中心 (center): \(c(header.center))
            # 生成时间 (generated): \(BureauTime.iso(header.generatedAt))
            # 步骤 (steps): \(steps.count)，其中无法自动修复 \(steps.filter { !$0.fixes }.count) 项
            #
            # 被替换的损坏文件与移开的文件夹放入 BACKUP_DIR（默认如下），不会删除任何东西。
            # SQL 步骤只在设置 CATALOG_DB（要修改的目录数据库）时执行，否则只打印。
            set -u
            BACKUP_DIR="${BACKUP_DIR:-$HOME/archive-ops-repair-backup/\(safeRun)}"
            CATALOG_DB="${CATALOG_DB:-}"
            failed=0

            sha_of() { sha256sum < "$1" | cut -d' ' -f1; }

            # copy_verified SOURCE TARGET SHA256 BACKUP: source checked, copied to a temporary name beside the
            # target, checked again, the old target (if any) moved to BACKUP, then renamed into place.
            copy_verified() {
              local src=$1 dst=$2 sha=$3 backup=$4 tmp
              if [ ! -f "$src" ] || [ -L "$src" ] || [ "$(sha_of "$src")" != "$sha" ]; then
                echo "跳过：来源文件不存在或哈希已变化 (source changed): $src" >&2; return 1
              fi
              # ${dst%/*}, not $(dirname …): command substitution would drop a name's trailing newlines.
              mkdir -p -- "${dst%/*}" || return 1
              tmp="${dst%/*}/.archive-ops-repair.$$.tmp"
              if ! cp -- "$src" "$tmp" || [ "$(sha_of "$tmp")" != "$sha" ]; then
                rm -f -- "$tmp"; echo "复制后哈希不符 (copy does not verify): $dst" >&2; return 1
              fi
              if [ -e "$dst" ] || [ -L "$dst" ]; then
                mkdir -p -- "${backup%/*}" && mv -- "$dst" "$backup" || { rm -f -- "$tmp"; return 1; }
              fi
              mv -- "$tmp" "$dst" && [ "$(sha_of "$dst")" = "$sha" ]
            }

            # move_aside PATH BACKUP: moves a file or folder out of the store into the backup folder.
            move_aside() {
              [ -e "$1" ] || { echo "已不存在 (already gone): $1" >&2; return 0; }
              mkdir -p -- "${2%/*}" && mv -- "$1" "$2"
            }

            # move_back FROM TO: moves a misfiled folder to where it belongs, never over an existing one.
            move_back() {
              [ -e "$2" ] && { echo "目标已存在，未移动 (target exists): $2" >&2; return 1; }
              mkdir -p -- "${2%/*}" && mv -- "$1" "$2"
            }

            run_sql() {
              if [ -z "$CATALOG_DB" ]; then echo "未设置 CATALOG_DB，请由数据库管理员执行 (SQL not applied): $1"; return 0; fi
              sqlite3 -bail "$CATALOG_DB" "$1"
            }

            step() { echo "== 步骤 $1"; }
            done_step() { if [ "$1" -ne 0 ]; then failed=$((failed + 1)); echo "!! 步骤 $2 失败 (step failed)" >&2; fi; }


            """
        for (i, step) in steps.enumerated() {
            let n = i + 1
            let f = step.finding
            let where_ = [f.site.map { "site=\($0)" }, f.volume.map { "volume=\($0)" }, f.uscc.map { "uscc=\($0)" }].compactMap { $0 }
            s += "# --- 步骤 \(n) ---\n"
            s += "# \(step.fixes ? "修复 (fixes)" : "无法自动修复 (not fixed)"): \(c(f.code)) \(c(where_.joined(separator: " ")))\n"
            s += "# 问题 (finding): \(c(f.detail))\n"
            s += "# 做法 (step): \(c(step.summary))\n"
            let backup = "\"$BACKUP_DIR\"/step-\(n)"
            switch step.action {
            case .copy(let source, let target, let sha, let replaces):
                s += "# 撤销 (undo): " + (replaces ? "mv -f -- \(backup) \(q(target))" : "rm -f -- \(q(target))") + "\n"
                s += "step \(n); copy_verified \(q(source)) \(q(target)) \(q(sha)) \(backup); done_step $? \(n)\n\n"
            case .move(let from, let to):
                s += "# 撤销 (undo): mv -- \(q(to)) \(q(from))\n"
                s += "step \(n); move_back \(q(from)) \(q(to)); done_step $? \(n)\n\n"
            case .quarantine(let path):
                s += "# 撤销 (undo): mv -- \(backup) \(q(path))\n"
                s += "step \(n); move_aside \(q(path)) \(backup); done_step $? \(n)\n\n"
            case .sql(let statement, let undo):
                s += "# 撤销 (undo): run_sql \(q(undo))\n"
                s += "step \(n); run_sql \(q(statement)); done_step $? \(n)\n\n"
            case .manual(let reason):
                s += "# \(c(reason))\n"
                s += "echo \(q(c("步骤 \(n) 需人工处理 (manual): " + reason)))\n\n"
            }
        }
        s += """
            if [ "$failed" -ne 0 ]; then echo "有 $failed 个步骤失败，请查看上面的信息 (some steps failed)" >&2; exit 1; fi
            echo "全部步骤完成。请运行 archive-ops check --full 确认 (done; run check --full to confirm)"

            """
        return s
    }
}
