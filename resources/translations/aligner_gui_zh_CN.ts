<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Actions</name>
    <message>
        <location filename="../../aligner_gui/gui/actions.py" line="27"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/actions.py" line="28"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/actions.py" line="29"/>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/actions.py" line="30"/>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/actions.py" line="31"/>
        <source>Load &amp;glossary…</source>
        <translation>载入术语表(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/actions.py" line="32"/>
        <source>Clear glossary</source>
        <translation>清除术语表</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/actions.py" line="33"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/action_wiring.py" line="58"/>
        <source>&amp;Undo {0}</source>
        <translation>撤销 {0}(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/action_wiring.py" line="59"/>
        <location filename="../../aligner_gui/gui/actions.py" line="35"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/action_wiring.py" line="61"/>
        <source>&amp;Redo {0}</source>
        <translation>重做 {0}(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/action_wiring.py" line="62"/>
        <location filename="../../aligner_gui/gui/actions.py" line="36"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/actions.py" line="37"/>
        <source>&amp;Find in beads</source>
        <translation>在对齐单元中查找(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/actions.py" line="39"/>
        <source>Next bead</source>
        <translation>下一单元</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/actions.py" line="40"/>
        <source>Previous bead</source>
        <translation>上一单元</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/actions.py" line="41"/>
        <source>Next flag</source>
        <translation>下一个标记</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/actions.py" line="42"/>
        <source>Previous flag</source>
        <translation>上一个标记</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/actions.py" line="44"/>
        <source>Next annotation</source>
        <translation>下一个标注</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/actions.py" line="46"/>
        <source>Previous annotation</source>
        <translation>上一个标注</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/actions.py" line="47"/>
        <source>Next risky bead</source>
        <translation>下一个高风险单元</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/actions.py" line="49"/>
        <source>Mark &amp;omission</source>
        <translation>标记漏译(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/actions.py" line="52"/>
        <source>Mark &amp;mistranslation</source>
        <translation>标记误译(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/actions.py" line="54"/>
        <source>Mark a&amp;ddition</source>
        <translation>标记增译(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/actions.py" line="55"/>
        <source>Mark other error</source>
        <translation>标记其他错误</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/actions.py" line="56"/>
        <source>Severity: neutral</source>
        <translation>严重程度：中性</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/actions.py" line="57"/>
        <source>Severity: minor</source>
        <translation>严重程度：轻微</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/actions.py" line="58"/>
        <source>Severity: major</source>
        <translation>严重程度：重大</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/actions.py" line="59"/>
        <source>Severity: critical</source>
        <translation>严重程度：严重</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/actions.py" line="61"/>
        <source>Edit the annotation&apos;s comment</source>
        <translation>编辑标注说明</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/actions.py" line="63"/>
        <source>Delete annotation</source>
        <translation>删除标注</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/actions.py" line="65"/>
        <source>MQM &amp;weights…</source>
        <translation>MQM 权重(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/actions.py" line="66"/>
        <source>Accept suggestion</source>
        <translation>接受建议</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/actions.py" line="67"/>
        <source>Dismiss suggestion</source>
        <translation>忽略建议</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/actions.py" line="70"/>
        <source>Re-&amp;align</source>
        <translation>重新对齐(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/actions.py" line="71"/>
        <source>Cancel alignment</source>
        <translation>取消对齐</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/actions.py" line="73"/>
        <source>Merge with next</source>
        <translation>与下一单元合并</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/actions.py" line="75"/>
        <source>Split bead at sentence</source>
        <translation>在句子处拆分单元</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/actions.py" line="77"/>
        <source>Unlink bead</source>
        <translation>解除对齐</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/actions.py" line="78"/>
        <source>Confirm bead</source>
        <translation>确认对齐单元</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/actions.py" line="81"/>
        <source>Move first source sentence to previous bead</source>
        <translation>将首个原文句移到上一单元</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/actions.py" line="84"/>
        <source>Move last source sentence to next bead</source>
        <translation>将末个原文句移到下一单元</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/actions.py" line="87"/>
        <source>Move first target sentence to previous bead</source>
        <translation>将首个译文句移到上一单元</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/actions.py" line="90"/>
        <source>Move last target sentence to next bead</source>
        <translation>将末个译文句移到下一单元</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/actions.py" line="93"/>
        <source>C&amp;hinese is the original</source>
        <translation>中文是原文(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/actions.py" line="96"/>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/actions.py" line="97"/>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/actions.py" line="98"/>
        <source>Reset zoom</source>
        <translation>重置缩放</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/actions.py" line="99"/>
        <source>Swap panes</source>
        <translation>交换左右窗格</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/actions.py" line="100"/>
        <source>Coverage &amp;lens</source>
        <translation>词语覆盖(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/actions.py" line="102"/>
        <source>Risk &amp;suspects</source>
        <translation>风险疑点(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/actions.py" line="104"/>
        <source>Go to the bead table</source>
        <translation>转到对齐表</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/actions.py" line="105"/>
        <source>Go to the source text</source>
        <translation>转到原文</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/actions.py" line="107"/>
        <source>Go to the target text</source>
        <translation>转到译文</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/actions.py" line="110"/>
        <source>Go to the annotation list</source>
        <translation>转到标注列表</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/actions.py" line="115"/>
        <source>The system&apos;s language</source>
        <translation>跟随系统语言</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/actions.py" line="122"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/actions.py" line="123"/>
        <source>&amp;About aligner-gui</source>
        <translation>关于 aligner-gui(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/actions.py" line="159"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/actions.py" line="161"/>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/actions.py" line="165"/>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/actions.py" line="172"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/actions.py" line="176"/>
        <source>&amp;Review</source>
        <translation>审校(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/actions.py" line="183"/>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/actions.py" line="190"/>
        <source>&amp;QA checks</source>
        <translation>质量检查(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/actions.py" line="192"/>
        <source>&amp;Alignment</source>
        <translation>对齐(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/actions.py" line="201"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/actions.py" line="209"/>
        <source>Lan&amp;guage</source>
        <translation>语言(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/actions.py" line="212"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
</context>
<context>
    <name>AlignmentController</name>
    <message>
        <location filename="../../aligner_gui/gui/controllers/alignment.py" line="258"/>
        <location filename="../../aligner_gui/gui/controllers/alignment.py" line="323"/>
        <location filename="../../aligner_gui/gui/controllers/alignment.py" line="393"/>
        <source>Aligning…</source>
        <translation>正在对齐…</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/alignment.py" line="302"/>
        <source>Building the dictionary cache (once, about {0} s)…</source>
        <translation>正在建立词典缓存（仅首次，约 {0} 秒）…</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/alignment.py" line="342"/>
        <source>The alignment changed while re-aligning; result discarded.</source>
        <translation>重新对齐期间对齐已被修改,结果已丢弃。</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/alignment.py" line="349"/>
        <source>Re-align beads {0}–{1}</source>
        <translation>重新对齐单元 {0}–{1}</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/alignment.py" line="353"/>
        <source>{0}; stopped before bead {1}, which you edited or confirmed (select it too, or past it, and press Ctrl+R to go on)</source>
        <translation>{0}；在第 {1} 个句对前停止（该句对已由您编辑或确认；一并选中它或选中其后的句对，再按 Ctrl+R 继续）</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/alignment.py" line="374"/>
        <source>Aligned: {0} beads.</source>
        <translation>已对齐:{0} 个对齐单元。</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/alignment.py" line="381"/>
        <source>Alignment failed</source>
        <translation>对齐失败</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/alignment.py" line="387"/>
        <source>Alignment cancelled.</source>
        <translation>已取消对齐。</translation>
    </message>
</context>
<context>
    <name>AnnotationEditor</name>
    <message>
        <location filename="../../aligner_gui/gui/panels/annotation_editor.py" line="207"/>
        <source>Select text and press O (omission), M (mistranslation), A (addition) or E (other error).</source>
        <translation>选中文本后按 O（漏译）、M（误译）、A（增译）或 E（其他错误）。</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panels/annotation_editor.py" line="52"/>
        <source>Neutral</source>
        <translation>中性</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panels/annotation_editor.py" line="52"/>
        <source>Minor</source>
        <translation>轻微</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panels/annotation_editor.py" line="53"/>
        <source>Major</source>
        <translation>重大</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panels/annotation_editor.py" line="53"/>
        <source>Critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panels/annotation_editor.py" line="62"/>
        <source>Why is this an error?</source>
        <translation>为什么这是错误?</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panels/annotation_editor.py" line="65"/>
        <source>Suggested correction</source>
        <translation>建议的修改</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panels/annotation_editor.py" line="68"/>
        <source>Tags, comma separated: more-link, photo-caption</source>
        <translation>标签,用逗号分隔:more-link, photo-caption</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panels/annotation_editor.py" line="70"/>
        <source>Delete annotation</source>
        <translation>删除标注</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panels/annotation_editor.py" line="74"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panels/annotation_editor.py" line="75"/>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panels/annotation_editor.py" line="76"/>
        <source>Comment</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panels/annotation_editor.py" line="77"/>
        <source>Correction</source>
        <translation>修改建议</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panels/annotation_editor.py" line="78"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panels/annotation_editor.py" line="157"/>
        <source>Source</source>
        <translation>原文</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panels/annotation_editor.py" line="157"/>
        <source>Target</source>
        <translation>译文</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panels/annotation_editor.py" line="163"/>
        <source>{0}, bead {1}</source>
        <translation>{0},第 {1} 单元</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panels/annotation_editor.py" line="165"/>
        <source>Suggested by the engine ({0})</source>
        <translation>由引擎建议({0})</translation>
    </message>
</context>
<context>
    <name>AnnotationList</name>
    <message>
        <location filename="../../aligner_gui/gui/panels/lists.py" line="60"/>
        <source>Filter annotations</source>
        <translation>筛选标注</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panels/lists.py" line="63"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>AnnotationTableModel</name>
    <message>
        <location filename="../../aligner_gui/gui/models/annotations.py" line="39"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/models/annotations.py" line="39"/>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/models/annotations.py" line="39"/>
        <source>Side</source>
        <translation>侧</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/models/annotations.py" line="39"/>
        <source>Bead</source>
        <translation>单元</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/models/annotations.py" line="40"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/models/annotations.py" line="40"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/models/annotations.py" line="40"/>
        <source>Comment</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/models/annotations.py" line="98"/>
        <source>⚠ not found: {0}</source>
        <translation>⚠ 未找到：{0}</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/models/annotations.py" line="109"/>
        <source>The annotated text was not found: the document&apos;s text was changed outside aligner-gui. The annotation is kept; its place is approximate.</source>
        <translation>未找到所标注的文字：文档文本已在 aligner-gui 之外被修改。该标注予以保留，其位置为近似位置。</translation>
    </message>
</context>
<context>
    <name>BeadFilterBar</name>
    <message>
        <location filename="../../aligner_gui/gui/panels/bead_filter.py" line="49"/>
        <source>Search (Ctrl+F)</source>
        <translation>搜索 (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panels/bead_filter.py" line="50"/>
        <source>Search the text of the beads (Ctrl+F)</source>
        <translation>搜索对齐单元的文本 (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panels/bead_filter.py" line="52"/>
        <source>Regex</source>
        <translation>正则</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panels/bead_filter.py" line="54"/>
        <source>Both sides</source>
        <translation>两侧</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panels/bead_filter.py" line="55"/>
        <source>Source</source>
        <translation>原文</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panels/bead_filter.py" line="56"/>
        <source>Target</source>
        <translation>译文</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panels/bead_filter.py" line="59"/>
        <source>All beads</source>
        <translation>全部对齐单元</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panels/bead_filter.py" line="60"/>
        <source>Any flag</source>
        <translation>任意标记</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panels/bead_filter.py" line="61"/>
        <source>Unaligned</source>
        <translation>未对齐</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panels/bead_filter.py" line="62"/>
        <source>risky (≥ {0} %)</source>
        <translation>高风险（≥ {0} %）</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panels/bead_filter.py" line="63"/>
        <source>Annotated (✎)</source>
        <translation>已标注（✎）</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panels/bead_filter.py" line="68"/>
        <source>Any status</source>
        <translation>任意状态</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panels/bead_filter.py" line="79"/>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panels/bead_filter.py" line="80"/>
        <source>Show beads whose risk of a Major Accuracy error is at least this</source>
        <translation>只显示出现重大准确性错误的风险不低于此值的单元</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panels/bead_filter.py" line="99"/>
        <source>Match</source>
        <translation>匹配度</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panels/bead_filter.py" line="100"/>
        <source>Risk ≥</source>
        <translation>风险 ≥</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panels/bead_filter.py" line="182"/>
        <source>Invalid regular expression</source>
        <translation>无效的正则表达式</translation>
    </message>
</context>
<context>
    <name>BeadTableModel</name>
    <message>
        <location filename="../../aligner_gui/gui/models/beads.py" line="73"/>
        <source>Source</source>
        <translation>原文</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/models/beads.py" line="73"/>
        <source>Target</source>
        <translation>译文</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/models/beads.py" line="73"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/models/beads.py" line="73"/>
        <source>Match</source>
        <translation>匹配度</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/models/beads.py" line="74"/>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/models/beads.py" line="79"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/models/beads.py" line="79"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/models/beads.py" line="81"/>
        <source>{0} ({1})</source>
        <translation>{0}（{1}）</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/models/beads.py" line="85"/>
        <source>Estimated probability that a reviewer marks a Major Accuracy error here</source>
        <translation>审校人员在此处标出重大准确性错误的估计概率</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/models/beads.py" line="90"/>
        <source>Match: how closely the two sides correspond word for word through the dictionary (a free but faithful rendering can score low). A pairing the aligner doubts is flagged low-score instead.</source>
        <translation>匹配度：借助词典逐词对应两边的程度（意译但忠实的译文也可能得分低）。对齐本身存疑的句对另以“对齐存疑”标出。</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/models/beads.py" line="96"/>
        <source>Read the riskiest beads first rather than counting on the figure.</source>
        <translation>请按风险从高到低阅读，不要把这个数值当作错误数。</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/models/beads.py" line="186"/>
        <source>Meaning match of the two sides: {0:.2f} (this document&apos;s median: {1:.2f})</source>
        <translation>两边的意思吻合度：{0:.2f}（本文档的中位数：{1:.2f}）</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/models/beads.py" line="74"/>
        <source>Flags</source>
        <translation>标记</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/models/beads.py" line="74"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>CoverageLens</name>
    <message>
        <location filename="../../aligner_gui/gui/panes/coverage_lens.py" line="60"/>
        <source>{0:.1f} % ({1} of {2})</source>
        <translation>{0:.1f} %({2} 个中的 {1} 个)</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panes/coverage_lens.py" line="271"/>
        <source>covered by {0}</source>
        <translation>由 {0} 覆盖</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panes/coverage_lens.py" line="273"/>
        <source>covered</source>
        <translation>已覆盖</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panes/coverage_lens.py" line="275"/>
        <source>not covered</source>
        <translation>未覆盖</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panes/coverage_lens.py" line="278"/>
        <source>part of an uncovered span</source>
        <translation>属于未覆盖的片段</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panes/coverage_lens.py" line="281"/>
        <source>Looked up as: {0}</source>
        <translation>查询形式:{0}</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panes/coverage_lens.py" line="285"/>
        <source>Dictionary glosses tried:</source>
        <translation>已尝试的词典释义：</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panes/coverage_lens.py" line="287"/>
        <source>Compared with the bead&apos;s Chinese words:</source>
        <translation>已与本单元的中文词语比对：</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panes/coverage_lens.py" line="291"/>
        <source>… {0} more</source>
        <translation>… 另有 {0} 项</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../aligner_gui/gui/dialogs/crash.py" line="29"/>
        <source>aligner-gui: unexpected error</source>
        <translation>aligner-gui：意外错误</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/dialogs/crash.py" line="33"/>
        <source>Something went wrong inside aligner-gui: {0}</source>
        <translation>aligner-gui 内部出错：{0}</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/dialogs/crash.py" line="38"/>
        <source>A recovery copy of your work was saved:
{0}
Save your project now; if the window misbehaves, restart aligner-gui and it will offer to restore the copy.</source>
        <translation>已保存您工作的恢复副本：
{0}
请立即保存项目；如果窗口运行异常，请重新启动 aligner-gui，它会提示恢复该副本。</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/dialogs/crash.py" line="42"/>
        <source>A recovery copy could not be written ({0}). Your work is still open: save it now with File › Save As.</source>
        <translation>无法写入恢复副本（{0}）。您的工作仍处于打开状态：请立即通过“文件 › 另存为”保存。</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/dialogs/crash.py" line="45"/>
        <source>There were no unsaved changes to rescue.</source>
        <translation>没有需要抢救的未保存更改。</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/dialogs/crash.py" line="58"/>
        <source>Copy report</source>
        <translation>复制报告</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/dialogs/crash.py" line="70"/>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
</context>
<context>
    <name>DirectionController</name>
    <message>
        <location filename="../../aligner_gui/gui/controllers/direction.py" line="67"/>
        <source>Texts opened from now on take the {0} as the original; this document keeps its direction (it has annotations or edits, or is a project).</source>
        <translation>此后打开的文本以{0}为原文；本文档保持原方向（它有标注或改动，或是项目文件）。</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/direction.py" line="60"/>
        <location filename="../../aligner_gui/gui/controllers/direction.py" line="69"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/direction.py" line="58"/>
        <source>This document already takes the {0} as the original; texts opened from now on will too.</source>
        <translation>此文档已将{0}作为原文；今后打开的文本也将如此。</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/direction.py" line="60"/>
        <location filename="../../aligner_gui/gui/controllers/direction.py" line="69"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/direction.py" line="83"/>
        <source>an English dateline crediting {0}</source>
        <translation>英文电头注明 {0}</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/direction.py" line="84"/>
        <source>a {0}…电 dateline</source>
        <translation>{0}……电的电头</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/direction.py" line="86"/>
        <source>The Chinese looks like the original ({0}): Alignment → Chinese is the original reads it the other way round.</source>
        <translation>中文看起来是原文（{0}）：选“对齐 → 中文是原文”即按反方向读取。</translation>
    </message>
</context>
<context>
    <name>Edits</name>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="119"/>
        <source>select at least two neighbouring beads to merge</source>
        <translation>请至少选择两个相邻的单元再合并</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="120"/>
        <source>the last bead has no next bead to merge with</source>
        <translation>最后一个单元之后没有可合并的单元</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="121"/>
        <source>this bead cannot be split there</source>
        <translation>此单元不能在这里拆分</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="122"/>
        <source>a bead with one sentence cannot be split</source>
        <translation>只有一个句子的单元不能拆分</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="123"/>
        <source>the first bead has no previous bead</source>
        <translation>第一个单元之前没有单元</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="124"/>
        <source>the last bead has no next bead</source>
        <translation>最后一个单元之后没有单元</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="125"/>
        <source>nothing to re-align after the confirmed beads</source>
        <translation>已确认的单元之后没有可重新对齐的内容</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="126"/>
        <source>bead {0} is already unaligned</source>
        <translation>第 {0} 单元已经是未对齐的</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="127"/>
        <source>bead {0} has no source sentence</source>
        <translation>第 {0} 单元没有原文句子</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="128"/>
        <source>bead {0} has no target sentence</source>
        <translation>第 {0} 单元没有译文句子</translation>
    </message>
</context>
<context>
    <name>Engine</name>
    <message>
        <location filename="../../aligner_gui/gui/engine.py" line="102"/>
        <source> — {0} annotation(s) not in this format: the project file keeps them</source>
        <translation> — 此格式不含 {0} 条标注：项目文件保留全部标注</translation>
    </message>
</context>
<context>
    <name>EngineMessages</name>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="76"/>
        <source>coverage lens: nothing in the translation renders these words</source>
        <translation>覆盖检查：译文中没有内容对应这些词</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="80"/>
        <source>coverage lens: these words match nothing in the original, whose words nearby are not rendered either</source>
        <translation>覆盖检查：这些词在原文中找不到对应，原文相应位置的词也没有译出</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="84"/>
        <source>coverage lens: nothing in the original corresponds to these words</source>
        <translation>覆盖检查：原文中没有内容对应这些词</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="88"/>
        <source>a whole sentence that nothing in the translation renders, kept in this bead by the alignment</source>
        <translation>整句在译文中没有对应，对齐时被并入此单元</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="94"/>
        <source>risk model: these words {where} match nothing on the other side (confidence {n} %)</source>
        <translation>风险模型：{where}的这些词在另一侧找不到对应（置信度 {n}%）</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="99"/>
        <source>no translation of this sentence</source>
        <translation>此句没有译文</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="102"/>
        <source>the headline has no translation</source>
        <translation>标题没有译文</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="105"/>
        <source>a link or page line with no translation (often left out)</source>
        <translation>链接或页面行没有译文（常被省略）</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="108"/>
        <source>a photo caption with no translation</source>
        <translation>图片说明没有译文</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="111"/>
        <source>a byline with no translation (often left out)</source>
        <translation>署名行没有译文（常被省略）</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="114"/>
        <source>an editor&apos;s note with no translation</source>
        <translation>编者注没有译文</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="117"/>
        <source>nothing in the original corresponds</source>
        <translation>原文中没有对应内容</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="120"/>
        <source>the translation&apos;s own byline</source>
        <translation>译文自带的署名行</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="123"/>
        <source>the translator&apos;s or editor&apos;s own note</source>
        <translation>译者或编者自加的注释</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="126"/>
        <source>the translation&apos;s own link or page line</source>
        <translation>译文自带的链接或页面行</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="129"/>
        <source>moved: translated at bead {n}</source>
        <translation>已移位：译文在第 {n} 单元</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="132"/>
        <source>moved: the translation of bead {n}</source>
        <translation>已移位：这是第 {n} 单元的译文</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="135"/>
        <source>alignment confidence {x}: the pairing is doubtful</source>
        <translation>对齐置信度 {x}：配对存疑</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="138"/>
        <source>match {x}: the pairing or the translation is doubtful</source>
        <translation>匹配度 {x}：配对或译文存疑</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="142"/>
        <source>numbers: missing {a}; extra {b}</source>
        <translation>数字：缺少 {a}；多出 {b}</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="145"/>
        <source>numbers: missing {a}</source>
        <translation>数字：缺少 {a}</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="148"/>
        <source>numbers: extra {b}</source>
        <translation>数字：多出 {b}</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="150"/>
        <source>numbers differ</source>
        <translation>数字不符</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="153"/>
        <source>names differ: English {en}; Chinese {zh}</source>
        <translation>名称不符：英文 {en}；中文 {zh}</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="156"/>
        <source>names differ: English {en}</source>
        <translation>名称不符：英文 {en}</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="159"/>
        <source>names differ: Chinese {zh}</source>
        <translation>名称不符：中文 {zh}</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="164"/>
        <source>negation: the {side} has &apos;{a}&apos;, the {other} has none</source>
        <translation>否定：{side}有“{a}”，{other}没有</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="168"/>
        <source>{what}: the source says &apos;{a}&apos; ({x}), the translation says &apos;{b}&apos; ({y})</source>
        <translation>{what}：原文为“{a}”（{x}），译文为“{b}”（{y}）</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="172"/>
        <source>role: the source says &apos;{a}&apos;, the translation says &apos;{b}&apos; (its counterpart)</source>
        <translation>角色：原文为“{a}”，译文为“{b}”（对立的一方）</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="177"/>
        <source>{kind} dropped: the original says &apos;{a}&apos;, the translation states it without any hedge</source>
        <translation>{kind}缺失：原文有“{a}”，译文直接作为事实陈述</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="182"/>
        <source>idiom translated literally: &apos;{a}&apos; means &apos;{m}&apos;; &apos;{b}&apos; renders its image word for word</source>
        <translation>习语直译：“{a}”意为“{m}”；“{b}”逐字译出了字面意象</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="187"/>
        <source>{dim}: the source has &apos;{a}&apos;, the translation has &apos;{b}&apos; for the same figure</source>
        <translation>{dim}：原文为“{a}”，译文为“{b}”，数值相同</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="192"/>
        <source>{dim}: the source has &apos;{a}&apos;, the translation has &apos;{b}&apos;</source>
        <translation>{dim}：原文为“{a}”，译文为“{b}”</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="196"/>
        <source>{label}: the source has &apos;{a}&apos;, the translation has &apos;{b}&apos;</source>
        <translation>{label}：原文为“{a}”，译文为“{b}”</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="200"/>
        <source>{label}: &apos;{a}&apos; is missing from the translation</source>
        <translation>{label}：译文中缺少“{a}”</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="203"/>
        <source>untranslated: Chinese &apos;{a}&apos; in the translation</source>
        <translation>未翻译：译文中留有中文“{a}”</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="206"/>
        <source>untranslated: English &apos;{a}&apos; in the translation</source>
        <translation>未翻译：译文中留有英文“{a}”</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="209"/>
        <source>untranslated: &apos;{a}&apos; copied from the source</source>
        <translation>未翻译：“{a}”从原文照搬</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="212"/>
        <source>punctuation: {family} unbalanced in the translation (&apos;{a}&apos;)</source>
        <translation>标点：译文中{family}不成对（“{a}”）</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="215"/>
        <source>punctuation: the source ends with a question mark, the translation with &apos;{a}&apos;</source>
        <translation>标点：原文以问号结尾，译文以“{a}”结尾</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="219"/>
        <source>repeated word: &apos;{a}&apos; twice in a row</source>
        <translation>重复词：“{a}”连续出现两次</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="222"/>
        <source>inconsistency: same source as bead {n}, translated differently</source>
        <translation>不一致：原文与第 {n} 单元相同，译法不同</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="225"/>
        <source>inconsistency: same translation as bead {n}, whose source differs</source>
        <translation>不一致：译文与第 {n} 单元相同，而原文不同</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="228"/>
        <source>glossary: &apos;{a}&apos; should be translated as {wanted}</source>
        <translation>术语表：“{a}”应译为 {wanted}</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="234"/>
        <source>meaning match: this sentence alone {x}, and the bead&apos;s falls by {y} with it: it looks {how}, kept in this bead by the alignment</source>
        <translation>语义吻合度：此句单独为 {x}，并入后单元的吻合度下降 {y}：看似{how}，对齐时被并入此单元</translation>
    </message>
</context>
<context>
    <name>EngineWords</name>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="25"/>
        <source>source</source>
        <translation>原文</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="26"/>
        <source>translation</source>
        <translation>译文</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="27"/>
        <source>in the original</source>
        <translation>原文中</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="28"/>
        <source>in the translation</source>
        <translation>译文中</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="29"/>
        <source>up</source>
        <translation>上升</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="30"/>
        <source>down</source>
        <translation>下降</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="31"/>
        <source>more than</source>
        <translation>多于</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="32"/>
        <source>less than</source>
        <translation>少于</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="33"/>
        <source>below zero</source>
        <translation>负值</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="34"/>
        <source>no sign</source>
        <translation>无负号</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="35"/>
        <source>on a year earlier</source>
        <translation>同比</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="36"/>
        <source>on the period before</source>
        <translation>环比</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="37"/>
        <source>direction</source>
        <translation>涨跌方向</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="38"/>
        <source>bound</source>
        <translation>上下限</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="39"/>
        <source>sign</source>
        <translation>正负</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="40"/>
        <source>period</source>
        <translation>比较基期</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="41"/>
        <source>currency</source>
        <translation>货币</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="42"/>
        <source>length</source>
        <translation>长度</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="43"/>
        <source>weight</source>
        <translation>重量</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="44"/>
        <source>area</source>
        <translation>面积</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="45"/>
        <source>volume</source>
        <translation>容积</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="46"/>
        <source>power</source>
        <translation>功率</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="47"/>
        <source>temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="48"/>
        <source>rate step</source>
        <translation>利率变动</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="49"/>
        <source>time span</source>
        <translation>时间单位</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="50"/>
        <source>brackets</source>
        <translation>括号</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="51"/>
        <source>square brackets</source>
        <translation>方括号</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="52"/>
        <source>quotation marks</source>
        <translation>引号</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="53"/>
        <source>book-title marks</source>
        <translation>书名号</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="54"/>
        <source>attribution</source>
        <translation>消息来源</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="55"/>
        <source>hedge</source>
        <translation>推测语气</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="56"/>
        <source>URL</source>
        <translation>网址</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="57"/>
        <source>e-mail address</source>
        <translation>电子邮件地址</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="58"/>
        <source>handle</source>
        <translation>账号</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="59"/>
        <source>hashtag</source>
        <translation>话题标签</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="60"/>
        <source>left out of the translation</source>
        <translation>漏译</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/engine_messages.py" line="61"/>
        <source>added</source>
        <translation>增译</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="107"/>
        <source>aligner-gui project</source>
        <translation>aligner-gui 项目</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="108"/>
        <source>Bead list [source ids]:[target ids]</source>
        <translation>对齐单元列表 [原文编号]:[译文编号]</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="109"/>
        <source>TMX 1.4 translation memory</source>
        <translation>TMX 1.4 翻译记忆库</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="110"/>
        <source>Bead table</source>
        <translation>对齐单元表</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="111"/>
        <source>WMT MQM annotations</source>
        <translation>WMT MQM 标注</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="112"/>
        <source>Annotations</source>
        <translation>标注</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="113"/>
        <source>InterText alignment</source>
        <translation>InterText 对齐</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="114"/>
        <source>Printable review report</source>
        <translation>可打印的审校报告</translation>
    </message>
</context>
<context>
    <name>FileController</name>
    <message>
        <location filename="../../aligner_gui/gui/controllers/files.py" line="126"/>
        <source>Opening {0}…</source>
        <translation>正在打开 {0}…</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/files.py" line="143"/>
        <source>Cannot open {0}</source>
        <translation>无法打开 {0}</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/files.py" line="160"/>
        <source>Projects, texts, TMX, InterText (*.json *.txt *.tmx *.xml);;All files (*)</source>
        <translation>项目、文本、TMX、InterText (*.json *.txt *.tmx *.xml);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/files.py" line="162"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/files.py" line="200"/>
        <source>Cannot save {0}</source>
        <translation>无法保存 {0}</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/files.py" line="201"/>
        <source>{0} — your work is still open and unsaved; File › Save As saves it elsewhere.</source>
        <translation>{0} — 您的工作仍处于打开且未保存状态；可用“文件 › 另存为”保存到其他位置。</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/files.py" line="211"/>
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/files.py" line="226"/>
        <source>Save As</source>
        <translation>另存为</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/files.py" line="227"/>
        <source>Aligner projects (*.json);;All files (*)</source>
        <translation>对齐项目 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/files.py" line="238"/>
        <location filename="../../aligner_gui/gui/controllers/files.py" line="447"/>
        <source>untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/files.py" line="259"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/files.py" line="260"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/files.py" line="272"/>
        <source>Cannot export {0}</source>
        <translation>无法导出 {0}</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/files.py" line="276"/>
        <source>Exported {0}</source>
        <translation>已导出 {0}</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/files.py" line="283"/>
        <source>TMX, InterText, MQM TSV (*.tmx *.xml *.tsv);;All files (*)</source>
        <translation>TMX、InterText、MQM TSV (*.tmx *.xml *.tsv);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/files.py" line="284"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/files.py" line="308"/>
        <source>Cannot import {0}</source>
        <translation>无法导入 {0}</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/files.py" line="332"/>
        <source>Glossaries (*.tbx *.csv *.tsv);;All files (*)</source>
        <translation>术语表 (*.tbx *.csv *.tsv);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/files.py" line="333"/>
        <source>Load glossary</source>
        <translation>载入术语表</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/files.py" line="347"/>
        <source>Cannot load glossary {0}</source>
        <translation>无法载入术语表 {0}</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/files.py" line="351"/>
        <source>Glossary checks are not available in this version.</source>
        <translation>此版本不支持术语表检查。</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/files.py" line="363"/>
        <source>Load glossary {0}</source>
        <translation>载入术语表 {0}</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/files.py" line="366"/>
        <source>Glossary {0}: {1} terms</source>
        <translation>术语表 {0}：{1} 条术语</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/files.py" line="372"/>
        <source>No glossary loaded.</source>
        <translation>尚未载入术语表。</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/files.py" line="374"/>
        <source>Clear glossary</source>
        <translation>清除术语表</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/files.py" line="457"/>
        <source>Cannot recover</source>
        <translation>无法恢复</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/files.py" line="464"/>
        <source>recovered</source>
        <translation>已恢复</translation>
    </message>
</context>
<context>
    <name>Flags</name>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="20"/>
        <source>omission</source>
        <translation>漏译</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="21"/>
        <source>addition</source>
        <translation>增译</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="22"/>
        <source>low-score</source>
        <translation>对齐存疑</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="23"/>
        <source>number-mismatch</source>
        <translation>数字不符</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="24"/>
        <source>name-mismatch</source>
        <translation>人名不符</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="25"/>
        <source>headline</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="26"/>
        <source>more-link</source>
        <translation>更多链接</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="27"/>
        <source>photo-caption</source>
        <translation>图片说明</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="28"/>
        <source>content</source>
        <translation>正文</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="29"/>
        <source>byline</source>
        <translation>署名</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="30"/>
        <source>editor-note</source>
        <translation>编者按</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="34"/>
        <source>numbers</source>
        <translation>数字</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="35"/>
        <source>names</source>
        <translation>人名</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="36"/>
        <source>negation</source>
        <translation>否定</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="37"/>
        <source>direction</source>
        <translation>涨跌方向</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="38"/>
        <source>hedges</source>
        <translation>限定措辞遗漏</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="39"/>
        <source>idioms</source>
        <translation>习语直译</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="40"/>
        <source>untranslated</source>
        <translation>未翻译</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="41"/>
        <source>inconsistency</source>
        <translation>不一致</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="42"/>
        <source>glossary</source>
        <translation>术语表</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="43"/>
        <source>terminology</source>
        <translation>术语</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="44"/>
        <source>punctuation</source>
        <translation>标点</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="45"/>
        <source>repeated-words</source>
        <translation>重复词</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="46"/>
        <source>urls</source>
        <translation>网址</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="49"/>
        <source>source</source>
        <translation>原文</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="50"/>
        <source>target</source>
        <translation>译文</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="54"/>
        <source>uncovered source</source>
        <translation>原文未覆盖</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="55"/>
        <source>uncovered target</source>
        <translation>译文无对应</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="56"/>
        <source>suspect source</source>
        <translation>原文疑点</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="57"/>
        <source>suspect target</source>
        <translation>译文疑点</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="58"/>
        <source>sentence left out</source>
        <translation>句子漏译</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="59"/>
        <source>sentence added</source>
        <translation>句子增译</translation>
    </message>
</context>
<context>
    <name>FontCheck</name>
    <message>
        <location filename="../../aligner_gui/gui/fonts.py" line="85"/>
        <source>no font with Chinese characters is installed: Chinese text will show as empty boxes (install e.g. Noto Sans CJK: apt install fonts-noto-cjk)</source>
        <translation>未安装含中文字符的字体：中文将显示为空白方框（请安装中文字体，例如 Noto Sans CJK：apt install fonts-noto-cjk）</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/fonts.py" line="88"/>
        <source>font {0} and its fallbacks have no glyph for {1}: Chinese text is drawn as empty boxes</source>
        <translation>字体 {0} 及其后备字体没有 {1} 的字形：中文显示为空白方框</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/fonts.py" line="91"/>
        <source>font {0} draws Chinese the same as a missing glyph</source>
        <translation>字体 {0} 绘制的中文与缺失字形相同</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../aligner_gui/gui/main_window.py" line="94"/>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/main_window.py" line="126"/>
        <source>Source text</source>
        <translation>原文文本</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/main_window.py" line="127"/>
        <source>Target text</source>
        <translation>译文文本</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/main_window.py" line="128"/>
        <source>Overview of problems</source>
        <translation>问题概览</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/bead_table.py" line="30"/>
        <source>Alignment table</source>
        <translation>对齐表</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/side_docks.py" line="21"/>
        <source>Annotation</source>
        <translation>标注</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/side_docks.py" line="24"/>
        <source>Annotations</source>
        <translation>标注列表</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/side_docks.py" line="27"/>
        <source>Suggestions</source>
        <translation>建议</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/side_docks.py" line="29"/>
        <source>Scores</source>
        <translation>评分</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/status_bar.py" line="23"/>
        <source>Aligning… %p%</source>
        <translation>正在对齐… %p%</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/status_bar.py" line="24"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/main_window.py" line="265"/>
        <source>untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/status_bar.py" line="48"/>
        <source>Computing suggestions…</source>
        <translation>正在计算建议…</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/status_bar.py" line="50"/>
        <source>Rescoring edited beads…</source>
        <translation>正在为修改的对齐单元重新评分…</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/status_bar.py" line="62"/>
        <source>risk {0}</source>
        <translation>风险 {0}</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/status_bar.py" line="65"/>
        <source>Bead {0}/{1} · {2} · match {3} · {4}</source>
        <translation>单元 {0}/{1} · {2} · 匹配度 {3} · {4}</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/view_commands.py" line="68"/>
        <source>The new language applies when aligner-gui starts again.</source>
        <translation>新的界面语言将在 aligner-gui 下次启动时生效。</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/view_commands.py" line="79"/>
        <source>No annotation selected.</source>
        <translation>未选择标注。</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/view_commands.py" line="111"/>
        <source>About aligner-gui</source>
        <translation>关于 aligner-gui</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/view_commands.py" line="112"/>
        <source>aligner-gui {0}: review Chinese translations of English news with sentence alignment and MQM annotation.</source>
        <translation>aligner-gui {0}:借助句子对齐与 MQM 标注审校英文新闻的中文译文。</translation>
    </message>
</context>
<context>
    <name>MqmCategory</name>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="62"/>
        <source>Accuracy/Mistranslation</source>
        <translation>准确性/误译</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="63"/>
        <source>Accuracy/Omission</source>
        <translation>准确性/漏译</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="64"/>
        <source>Accuracy/Addition</source>
        <translation>准确性/增译</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="65"/>
        <source>Accuracy/Untranslated</source>
        <translation>准确性/未翻译</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="66"/>
        <source>Fluency/Grammar</source>
        <translation>流畅性/语法</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="67"/>
        <source>Fluency/Punctuation</source>
        <translation>流畅性/标点</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="68"/>
        <source>Fluency/Spelling</source>
        <translation>流畅性/拼写</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="69"/>
        <source>Fluency/Inconsistency</source>
        <translation>流畅性/不一致</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="70"/>
        <source>Terminology</source>
        <translation>术语</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="71"/>
        <source>Style</source>
        <translation>风格</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="72"/>
        <source>Locale convention</source>
        <translation>地区惯例</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="73"/>
        <source>Source error</source>
        <translation>原文错误</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="74"/>
        <source>Non-translation</source>
        <translation>未译</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="75"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="77"/>
        <source>Accuracy</source>
        <translation>准确性</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="78"/>
        <source>Fluency</source>
        <translation>流畅性</translation>
    </message>
</context>
<context>
    <name>OverviewStrip</name>
    <message>
        <location filename="../../aligner_gui/gui/panes/overview.py" line="148"/>
        <source>Overview: red omissions, orange additions, magenta risky beads, blue number or name mismatches, yellow where doubtful pairings gather, purple annotations. Click to jump.</source>
        <translation>概览:红色为漏译,橙色为增译,洋红色为高风险单元,蓝色为数字或人名不符,黄色为对齐存疑集中处,紫色为标注。点击跳转。</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panes/overview.py" line="267"/>
        <source>omission</source>
        <translation>漏译</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panes/overview.py" line="269"/>
        <source>addition</source>
        <translation>增译</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panes/overview.py" line="271"/>
        <source>annotated</source>
        <translation>有标注</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panes/overview.py" line="273"/>
        <source>risk {0}</source>
        <translation>风险 {0}</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panes/overview.py" line="275"/>
        <source>number mismatch</source>
        <translation>数字不符</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panes/overview.py" line="277"/>
        <source>name mismatch</source>
        <translation>人名不符</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panes/overview.py" line="279"/>
        <source>doubtful pairings gather here</source>
        <translation>对齐存疑集中处</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panes/overview.py" line="280"/>
        <source>Bead {0} of {1}</source>
        <translation>对齐单元 {0}/{1}</translation>
    </message>
</context>
<context>
    <name>QaChecksMenu</name>
    <message>
        <location filename="../../aligner_gui/gui/controllers/qa_checks.py" line="64"/>
        <source>A number, date, unit or currency changed or missing</source>
        <translation>数字、日期、单位或货币被改动或遗漏</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/qa_checks.py" line="65"/>
        <source>A person or place rendered as another name</source>
        <translation>人名或地名被译成了另一个名字</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/qa_checks.py" line="66"/>
        <source>A negation on one side and none on the other</source>
        <translation>一方有否定，另一方没有</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/qa_checks.py" line="67"/>
        <source>A figure that rises on one side and falls on the other, or &apos;more than&apos; against &apos;less than&apos;</source>
        <translation>一方说上升、另一方说下降，或“超过”对“不到”</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/qa_checks.py" line="69"/>
        <source>A hedge (about, reportedly, may) dropped or added</source>
        <translation>模糊限定语（约、据报道、可能）被删去或添加</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/qa_checks.py" line="70"/>
        <source>An idiom translated word for word</source>
        <translation>习语被逐字直译</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/qa_checks.py" line="71"/>
        <source>Chinese left in the English, or English words copied into the Chinese</source>
        <translation>英文译文中残留中文，或中文译文中照搬英文单词</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/qa_checks.py" line="73"/>
        <source>The same sentence or term translated differently</source>
        <translation>同一句子或术语译法不一致</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/qa_checks.py" line="74"/>
        <source>A glossary term without its translation (File → Load glossary…)</source>
        <translation>术语表中的术语缺少对应译法（文件 → 加载术语表…）</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/qa_checks.py" line="76"/>
        <source>Brackets, quotation or question marks not carried over</source>
        <translation>括号、引号或问号未保留</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/qa_checks.py" line="77"/>
        <source>The same word twice in a row</source>
        <translation>同一个词连续出现两次</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/qa_checks.py" line="78"/>
        <source>A link, e-mail address, hashtag or @handle that differs</source>
        <translation>链接、电子邮件地址、话题标签或 @账号不一致</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/qa_checks.py" line="98"/>
        <source>Turn on the {0} check</source>
        <translation>开启{0}检查</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/qa_checks.py" line="101"/>
        <source>Turn off the {0} check</source>
        <translation>关闭{0}检查</translation>
    </message>
</context>
<context>
    <name>QueueTableModel</name>
    <message>
        <location filename="../../aligner_gui/gui/queue/model.py" line="37"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/queue/model.py" line="37"/>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/queue/model.py" line="37"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/queue/model.py" line="38"/>
        <source>Omissions</source>
        <translation>漏译</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/queue/model.py" line="38"/>
        <source>Annotations</source>
        <translation>标注</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/queue/model.py" line="38"/>
        <source>Mismatches</source>
        <translation>不符</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/queue/model.py" line="39"/>
        <source>Sentences</source>
        <translation>句子</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/queue/model.py" line="83"/>
        <source>Expected number of Major Accuracy errors (risky beads in brackets)</source>
        <translation>预计重大准确性错误数（括号内为高风险单元数）</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/queue/model.py" line="85"/>
        <source>Source sentences left untranslated</source>
        <translation>原文中未译出的句子数</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/queue/model.py" line="86"/>
        <source>Beads whose numbers or names differ between the two sides</source>
        <translation>两侧数字或人名不一致的句对</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/queue/model.py" line="88"/>
        <source>Sentences of the source / the translation</source>
        <translation>原文 / 译文的句子数</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/queue/model.py" line="138"/>
        <source>aligning…</source>
        <translation>正在对齐…</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/queue/model.py" line="140"/>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/queue/model.py" line="142"/>
        <source>not aligned</source>
        <translation>未对齐</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/queue/model.py" line="144"/>
        <source>text changed</source>
        <translation>文本已更改</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/queue/model.py" line="145"/>
        <source>new</source>
        <translation>新</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/queue/model.py" line="145"/>
        <source>in review</source>
        <translation>审校中</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/queue/model.py" line="146"/>
        <source>reviewed</source>
        <translation>已审校</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/queue/model.py" line="170"/>
        <source>Its texts changed after it was aligned; it holds a review, so it shows the old texts: rename {0} to align the new ones.</source>
        <translation>对齐后其文本已更改；因其中含有审校内容，显示的仍是旧文本：将 {0} 改名即可对齐新文本。</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/queue/model.py" line="174"/>
        <source>From: {0}</source>
        <translation>来自：{0}</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/queue/model.py" line="177"/>
        <source>Not aligned yet: it is aligned in the background.</source>
        <translation>尚未对齐：正在后台对齐。</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/queue/model.py" line="179"/>
        <source>Omissions {0} · number or name mismatches {1} · annotations {2} · sentences {3} / {4}</source>
        <translation>漏译 {0} · 数字或人名不符 {1} · 标注 {2} · 句子 {3} / {4}</translation>
    </message>
</context>
<context>
    <name>RecoveryBanner</name>
    <message>
        <location filename="../../aligner_gui/gui/dialogs/recovery.py" line="20"/>
        <source>Recover</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/dialogs/recovery.py" line="21"/>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/dialogs/recovery.py" line="34"/>
        <source>A recovery copy from an earlier session was found: {0}</source>
        <translation>发现上次会话留下的恢复副本:{0}</translation>
    </message>
</context>
<context>
    <name>ReviewController</name>
    <message>
        <location filename="../../aligner_gui/gui/controllers/review.py" line="78"/>
        <source>{0} marks the {1}: select the words there, or click its sentence.</source>
        <translation>{0}标注在{1}上：请在那边选中文字，或单击其句子。</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/review.py" line="81"/>
        <source>original</source>
        <translation>原文</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/review.py" line="81"/>
        <source>translation</source>
        <translation>译文</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/review.py" line="86"/>
        <source>Select a bead or some text first.</source>
        <translation>请先选择对齐单元或一段文字。</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/review.py" line="90"/>
        <source>This bead has no text on that side; select a span.</source>
        <translation>该单元在这一侧没有文字,请选择一段文字。</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/review.py" line="94"/>
        <source>The selection is empty.</source>
        <translation>选区为空。</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/review.py" line="99"/>
        <source>Already marked: {0} on this text (shown).</source>
        <translation>已标注：此文本上已有“{0}”（已显示）。</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/review.py" line="103"/>
        <source>Mark {0}</source>
        <translation>标记 {0}</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/review.py" line="106"/>
        <source>Marked {0} on bead {1}: 0–3 set the severity, F2 the comment.</source>
        <translation>已在第 {1} 单元标注{0}：0–3 设定严重程度，F2 编辑说明。</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/review.py" line="126"/>
        <location filename="../../aligner_gui/gui/controllers/review.py" line="150"/>
        <source>No annotation selected.</source>
        <translation>未选择标注。</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/review.py" line="144"/>
        <source>Edit annotation</source>
        <translation>编辑标注</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/review.py" line="153"/>
        <source>Delete annotation</source>
        <translation>删除标注</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/review.py" line="164"/>
        <location filename="../../aligner_gui/gui/controllers/review.py" line="175"/>
        <source>No suggestion selected.</source>
        <translation>未选择建议。</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/review.py" line="166"/>
        <source>Accept suggestion</source>
        <translation>接受建议</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/review.py" line="168"/>
        <source>Accepted on bead {0}: now an annotation (Ctrl+Z undoes).</source>
        <translation>已接受第 {0} 单元的建议：已成为标注（Ctrl+Z 撤销）。</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/review.py" line="177"/>
        <source>Dismiss suggestion</source>
        <translation>忽略建议</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/review.py" line="178"/>
        <source>Dismissed on bead {0}: not offered again (Ctrl+Z undoes).</source>
        <translation>已忽略第 {0} 单元的建议：不再提示（Ctrl+Z 撤销）。</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/review.py" line="187"/>
        <location filename="../../aligner_gui/gui/controllers/review.py" line="256"/>
        <source>Select a bead first.</source>
        <translation>请先选择一个对齐单元。</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/review.py" line="190"/>
        <source>Wait for the alignment to finish.</source>
        <translation>请等待对齐完成。</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/review.py" line="204"/>
        <source>Merge beads</source>
        <translation>合并对齐单元</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/review.py" line="206"/>
        <source>Merge with next</source>
        <translation>与下一单元合并</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/review.py" line="214"/>
        <source>This bead has one sentence on each side: nothing to split (Ctrl+U unlinks the two).</source>
        <translation>此单元两侧各只有一句：无可拆分（按 Ctrl+U 可解除配对）。</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/review.py" line="237"/>
        <source>Split bead</source>
        <translation>拆分对齐单元</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/review.py" line="240"/>
        <source>Unlink bead</source>
        <translation>解除对齐</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/review.py" line="250"/>
        <source>Move sentence</source>
        <translation>移动句子</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/review.py" line="260"/>
        <source>Unconfirm beads</source>
        <translation>取消确认</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/review.py" line="260"/>
        <source>Confirm beads</source>
        <translation>确认对齐单元</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/review.py" line="297"/>
        <source>No flag left to review.</source>
        <translation>没有待审校的标记。</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/review.py" line="309"/>
        <source>No risky bead.</source>
        <translation>没有高风险单元。</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/review.py" line="311"/>
        <source>No risk estimates in this document yet.</source>
        <translation>此文档尚无风险估计。</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/controllers/review.py" line="319"/>
        <source>No annotation yet.</source>
        <translation>还没有标注。</translation>
    </message>
</context>
<context>
    <name>ReviewQueueDock</name>
    <message>
        <location filename="../../aligner_gui/gui/queue/dock.py" line="69"/>
        <location filename="../../aligner_gui/gui/queue/dock.py" line="127"/>
        <source>Review queue</source>
        <translation>审校队列</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/queue/dock.py" line="91"/>
        <source>Open &amp;folder…</source>
        <translation>打开文件夹(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/queue/dock.py" line="99"/>
        <source>Mar&amp;k document reviewed</source>
        <translation>标记文档已审校(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/queue/dock.py" line="103"/>
        <source>Mark the open document reviewed (the selected ones, from the queue); again to undo</source>
        <translation>将打开的文档（在队列中则为所选文档）标记为已审校；再按一次撤销</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/queue/dock.py" line="106"/>
        <source>&amp;Next document</source>
        <translation>下一个文档(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/queue/dock.py" line="110"/>
        <source>Open the next document of the queue not reviewed yet, in the queue&apos;s order</source>
        <translation>按队列顺序打开下一个尚未审校的文档</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/queue/dock.py" line="114"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/queue/dock.py" line="117"/>
        <source>Stop aligning</source>
        <translation>停止对齐</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/queue/dock.py" line="145"/>
        <source>not aligned</source>
        <translation>未对齐</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/queue/dock.py" line="146"/>
        <source>Omissions</source>
        <translation>漏译</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/queue/dock.py" line="147"/>
        <source>Mismatches</source>
        <translation>不符</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/queue/dock.py" line="148"/>
        <source>Annotations</source>
        <translation>标注</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/queue/dock.py" line="162"/>
        <source>%v of %m aligned</source>
        <translation>已对齐 %v / %m</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/queue/dock.py" line="179"/>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/queue/dock.py" line="189"/>
        <source>Cannot open the folder {0}</source>
        <translation>无法打开文件夹 {0}</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/queue/dock.py" line="209"/>
        <source>Double-click a document of the review queue to review it.</source>
        <translation>双击审校队列中的文档开始审校。</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/queue/dock.py" line="220"/>
        <source>Review queue: {0}</source>
        <translation>审校队列：{0}</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/queue/dock.py" line="225"/>
        <source>The folder is read-only: it cannot be aligned here</source>
        <translation>文件夹只读：无法在此对齐</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/queue/dock.py" line="238"/>
        <source>{0} documents, {1} aligned, {2} reviewed</source>
        <translation>{0} 个文档，{1} 个已对齐，{2} 个已审校</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/queue/dock.py" line="242"/>
        <source>{0} cannot be aligned (hover the row for why)</source>
        <translation>{0} 个无法对齐（悬停在该行上查看原因）</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/queue/dock.py" line="244"/>
        <source>unpaired texts: {0} (hover for why)</source>
        <translation>未配对的文本：{0}（悬停查看原因）</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/queue/dock.py" line="247"/>
        <source>an unreadable queue state was set aside as {0}</source>
        <translation>无法读取的队列状态文件已另存为 {0}</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/queue/dock.py" line="300"/>
        <source>{0} opens when it is aligned</source>
        <translation>{0} 对齐后将打开</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/queue/dock.py" line="320"/>
        <source>No document chosen.</source>
        <translation>未选择文档。</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/queue/dock.py" line="328"/>
        <source>Reviewed: {0}</source>
        <translation>已审校：{0}</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/queue/dock.py" line="328"/>
        <source>In review again: {0}</source>
        <translation>重新审校中：{0}</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/queue/dock.py" line="342"/>
        <source>Every document is reviewed.</source>
        <translation>所有文档均已审校。</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/queue/dock.py" line="359"/>
        <source>Aligning {0}…</source>
        <translation>正在对齐 {0}…</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/queue/dock.py" line="366"/>
        <source>Cannot align: {0}</source>
        <translation>无法对齐：{0}</translation>
    </message>
</context>
<context>
    <name>Risk</name>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="206"/>
        <source>Learned from professional ratings of machine translation: on published human
translation it reads several times higher than the errors found.</source>
        <translation>由专业人员对机器翻译的评审数据学得：用于已发表的人工译文时，
数值比实际发现的错误高出数倍。</translation>
    </message>
</context>
<context>
    <name>ScoresPanel</name>
    <message>
        <location filename="../../aligner_gui/gui/panels/scores.py" line="26"/>
        <source>Beads</source>
        <translation>对齐单元</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panels/scores.py" line="27"/>
        <source>Coverage (source / target)</source>
        <translation>覆盖率(原文 / 译文)</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panels/scores.py" line="28"/>
        <source>Omitted source sentences</source>
        <translation>漏译的原文句子</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panels/scores.py" line="29"/>
        <source>Added target sentences</source>
        <translation>增译的译文句子</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panels/scores.py" line="30"/>
        <source>Mean bead score</source>
        <translation>平均单元得分</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panels/scores.py" line="31"/>
        <source>Confirmed beads</source>
        <translation>已确认单元</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panels/scores.py" line="32"/>
        <source>Annotations</source>
        <translation>标注</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panels/scores.py" line="33"/>
        <source>MQM per segment</source>
        <translation>每段 MQM 扣分</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panels/scores.py" line="34"/>
        <source>MQM per 1,000 source words</source>
        <translation>每千原文词 MQM 扣分</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panels/scores.py" line="35"/>
        <source>By severity</source>
        <translation>按严重程度</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panels/scores.py" line="36"/>
        <source>Penalty by category</source>
        <translation>按类别扣分</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panels/scores.py" line="37"/>
        <source>Doubtful pairing / number / name mismatch</source>
        <translation>对齐存疑 / 数字不符 / 人名不符</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panels/scores.py" line="38"/>
        <source>Uncovered source content words</source>
        <translation>原文未覆盖的实词</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panels/scores.py" line="39"/>
        <source>Expected Major Accuracy errors</source>
        <translation>预计重大准确性错误数</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panels/scores.py" line="81"/>
        <source>not aligned yet</source>
        <translation>尚未对齐</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panels/scores.py" line="94"/>
        <source>words</source>
        <translation>词</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panels/scores.py" line="105"/>
        <source>The sum of the beads&apos; risks; a risky bead&apos;s risk is at least 50 %. Model: {0}</source>
        <translation>各单元风险之和；高风险单元的风险不低于 50 %。模型：{0}</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panels/scores.py" line="118"/>
        <source>{0:.1f} ({1} risky beads)</source>
        <translation>{0:.1f}（{1} 个高风险单元）</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../aligner_gui/gui/dialogs/shortcuts.py" line="31"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/dialogs/shortcuts.py" line="34"/>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/dialogs/shortcuts.py" line="34"/>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
</context>
<context>
    <name>SuggestionList</name>
    <message>
        <location filename="../../aligner_gui/gui/panels/lists.py" line="115"/>
        <source>Accept (Y)</source>
        <translation>接受 (Y)</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panels/lists.py" line="116"/>
        <source>Dismiss (X)</source>
        <translation>忽略 (X)</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panels/lists.py" line="139"/>
        <source>Updating suggestions…</source>
        <translation>正在更新建议…</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panels/lists.py" line="140"/>
        <source>Computing suggestions…</source>
        <translation>正在计算建议…</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panels/lists.py" line="142"/>
        <source>No open suggestions.</source>
        <translation>没有待处理的建议。</translation>
    </message>
</context>
<context>
    <name>SuggestionTableModel</name>
    <message>
        <location filename="../../aligner_gui/gui/models/annotations.py" line="153"/>
        <source>Bead</source>
        <translation>单元</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/models/annotations.py" line="153"/>
        <source>Flag</source>
        <translation>标记</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/models/annotations.py" line="153"/>
        <source>Suggested</source>
        <translation>建议</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/models/annotations.py" line="153"/>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/models/annotations.py" line="154"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
</context>
<context>
    <name>SuspectLens</name>
    <message>
        <location filename="../../aligner_gui/gui/panes/suspects.py" line="163"/>
        <source>Accuracy</source>
        <translation>准确性</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panes/suspects.py" line="166"/>
        <source>Suspect: {0} (confidence {1} %)</source>
        <translation>疑点：{0}（置信度 {1} %）</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panes/suspects.py" line="169"/>
        <source>Suspect: {0}</source>
        <translation>疑点：{0}</translation>
    </message>
</context>
<context>
    <name>SystemChooser</name>
    <message>
        <location filename="../../aligner_gui/gui/dialogs/mqm_systems.py" line="33"/>
        <source>Import MQM: choose a system</source>
        <translation>导入 MQM：选择系统</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/dialogs/mqm_systems.py" line="36"/>
        <source>{0} rates {1} systems. Import the translation and annotations of:</source>
        <translation>{0} 评估了 {1} 个系统。导入以下系统的译文和标注：</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/dialogs/mqm_systems.py" line="44"/>
        <source>{0}  ({1} segments)</source>
        <translation>{0}（{1} 个片段）</translation>
    </message>
</context>
<context>
    <name>TextPane</name>
    <message>
        <location filename="../../aligner_gui/gui/panes/score_margin.py" line="179"/>
        <source>omission</source>
        <translation>漏译</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panes/score_margin.py" line="172"/>
        <source>addition</source>
        <translation>增译</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panes/score_margin.py" line="156"/>
        <source>moved</source>
        <translation>移位</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panes/score_margin.py" line="167"/>
        <source>note</source>
        <translation>注</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panes/score_margin.py" line="169"/>
        <source>byline</source>
        <translation>署名</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panes/score_margin.py" line="176"/>
        <source>headline</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panes/score_margin.py" line="171"/>
        <location filename="../../aligner_gui/gui/panes/score_margin.py" line="177"/>
        <source>more-link</source>
        <translation>更多链接</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/panes/score_margin.py" line="178"/>
        <source>caption</source>
        <translation>图片说明</translation>
    </message>
</context>
<context>
    <name>Values</name>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="83"/>
        <source>neutral</source>
        <translation>中性</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="84"/>
        <source>minor</source>
        <translation>轻微</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="85"/>
        <source>major</source>
        <translation>重大</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="86"/>
        <source>critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="87"/>
        <source>omission</source>
        <translation>漏译</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="88"/>
        <source>addition</source>
        <translation>增译</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="89"/>
        <source>mistranslation</source>
        <translation>误译</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="90"/>
        <source>untranslated</source>
        <translation>未翻译</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="91"/>
        <source>grammar</source>
        <translation>语法</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="92"/>
        <source>punctuation</source>
        <translation>标点</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="93"/>
        <source>spelling</source>
        <translation>拼写</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="94"/>
        <source>terminology</source>
        <translation>术语</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="95"/>
        <source>inconsistency</source>
        <translation>不一致</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="96"/>
        <source>style</source>
        <translation>风格</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="97"/>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="98"/>
        <source>source</source>
        <translation>原文</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="99"/>
        <source>target</source>
        <translation>译文</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="100"/>
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="101"/>
        <source>manual</source>
        <translation>手动</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/display_names.py" line="102"/>
        <source>confirmed</source>
        <translation>已确认</translation>
    </message>
</context>
<context>
    <name>WeightsDialog</name>
    <message>
        <location filename="../../aligner_gui/gui/dialogs/weights.py" line="28"/>
        <source>MQM weights</source>
        <translation>MQM 权重</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/dialogs/weights.py" line="30"/>
        <source>Neutral</source>
        <translation>中性</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/dialogs/weights.py" line="31"/>
        <source>Minor</source>
        <translation>轻微</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/dialogs/weights.py" line="32"/>
        <source>Major</source>
        <translation>重大</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/dialogs/weights.py" line="33"/>
        <source>Critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/dialogs/weights.py" line="34"/>
        <source>Minor Fluency/Punctuation</source>
        <translation>轻微的流畅度/标点错误</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/dialogs/weights.py" line="35"/>
        <source>Non-translation (any severity)</source>
        <translation>未翻译(任何严重程度)</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/dialogs/weights.py" line="36"/>
        <source>Source error (any severity)</source>
        <translation>原文错误(任何严重程度)</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/dialogs/weights.py" line="50"/>
        <source>Penalty points per error. Defaults: WMT (Freitag et al. 2021); Critical 10 as in common MQM scorecards.</source>
        <translation>每个错误的扣分。默认值:WMT(Freitag 等,2021);严重错误按常见 MQM 评分表计 10 分。</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/dialogs/weights.py" line="53"/>
        <source>Reset to WMT weights</source>
        <translation>恢复为 WMT 权重</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../aligner_gui/app.py" line="148"/>
        <source>Chinese text cannot be displayed on this computer.</source>
        <translation>此计算机无法显示中文。</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/app.py" line="155"/>
        <source>No Chinese font: Chinese shows as boxes</source>
        <translation>没有中文字体：中文显示为方框</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <location filename="../../aligner_gui/gui/dialogs/messages.py" line="66"/>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <location filename="../../aligner_gui/gui/dialogs/messages.py" line="67"/>
        <source>Save the changes to {0}?</source>
        <translation>是否保存对 {0} 的修改?</translation>
    </message>
</context>
</TS>
