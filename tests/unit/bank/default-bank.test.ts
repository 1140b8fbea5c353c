import { describe, expect, it } from 'vitest';
import { loadBank } from '../../../src/bank/load.js';
import type { Block, Question } from '../../../src/core/bank/model.js';
import { bankStats } from '../../../src/core/bank/stats.js';

const bank = await loadBank('data/questions.md');
const byId = new Map(bank.questions.map((q) => [q.id, q]));
const get = (id: string): Question => {
  const q = byId.get(id);
  if (!q) throw new Error(`no ${id}`);
  return q;
};

// id, title, tag, heading line, complete — checked by hand against data/questions.md.
const expected: [string, string, string | null, number, boolean][] = [
  ['Q1', '简介常见初始化方法及其思路', 'DL', 1, true],
  ['Q2', '初始化能否完全随机或全0', 'DL', 40, true],
  ['Q3', '卷积扩张卷积的输出 size 的计算', 'DL', 57, true],
  ['Q4', '为什么需要白化', 'ML', 77, true],
  ['Q5', '如何进行白化', 'ML', 90, true],
  ['Q6', '为什么要进行 BN', 'DL', 96, true],
  ['Q7', 'PCA 的流程', 'ML', 119, true],
  ['Q8', '深度学习的输入特征是否需要独立', 'DL', 169, true],
  ['Q9', '如何进行 BN', 'DL', 183, true],
  ['Q10', 'BN 的缺点及其衍生的特性', 'DL', 208, true],
  ['Q11', '多 GPU 或分布式训练时，BN 如何处理', 'DL', 226, true],
  ['Q12', '迁移学习时 BN 的均值与方差如何处理', 'DL', 238, true],
  ['Q13', '排序算法的时间 / 空间复杂度', 'CI', 246, true],
  ['Q14', '快排的最好最差情况以及如何避免', 'CI', 261, true],
  ['Q15', 'BN 一般加在网络的哪些层，与激活函数的位置如何', 'DL', 273, true],
  ['Q16', '梯度消失爆炸的原因及解决方法', 'DL', 283, true],
  ['Q17', '常见激活函数及其特性', 'DL', 300, true],
  ['Q18', 'Pooling 的作用', 'DL', 328, true],
  ['Q19', '如何避免过拟合', 'DL', 343, true],
  ['Q20', '为什么深度学习不使用二阶优化', 'DL', 350, true],
  ['Q21', '深度学习常见优化器', 'DL', 368, true],
  ['Q22', '手推逻辑回归', 'DL', 408, true],
  ['Q23', 'l1 和 l2 loss 的区别', 'DL', 449, true],
  ['Q24', '交叉熵和 KL 散度的区别', 'DL', 464, true],
  ['Q25', '为什么在逻辑回归中用交叉熵代替 l1 或 l2', 'DL', 474, true],
  ['Q26', '什么是正则化，l1和l2正则化区别', 'DL', 489, true],
  ['Q27', '为什么残差连接能避免梯度消失', 'DL', 505, true],
  ['Q28', '分类网络的发展史', 'DL', 513, true],
  ['Q29', '如何避免 densenet 中的显存过大问题', 'DL', 573, true],
  ['Q30', '为什么 densenet 要用 concat 代替相加', 'DL', 589, true],
  ['Q31', '深度可分离卷积的时间空间复杂度', 'DL', 600, true],
  ['Q32', '怎样将 SE 嵌入到 Residual block 中', 'DL', 616, true],
  ['Q33', '模型并行和数据并行的区别与联系', 'DL', 625, true],
  ['Q34', 'Python 闭包概念以及作用', 'DL', 637, true],
  ['Q35', 'Python 生成器迭代器概念', 'DL', 649, true],
  ['Q36', 'Python 装饰器语法及其作用', 'DL', 671, true],
  ['Q37', '卷积的实现及其反向传播', null, 712, true],
  ['Q38', '反卷积的实现及其问题', null, 723, true],
  ['Q39', 'LSTM 结构推导', null, 738, true],
  ['Q40', 'LSTM 为什么能解决梯度问题', null, 767, true],
  ['Q41', 'GRU 结构推导', null, 773, true],
  ['Q-d4ac85', '目标检测发展史', 'DL', 785, false],
  ['Q-7711e3', 'NAS 前沿工作', 'DL', 828, false],
  ['Q-3f4b12', '几种实现 map 类型的方法区别', 'CI', 959, false],
  ['Q-202d4c', 'SVD 相关', null, 967, false],
  ['Q-4d496c', '深度学习框架中一般 BN 有哪些参数，有什么用', 'DL', 977, true],
  ['Q-a08e4f', 'FPN 理解', 'DL', 994, false],
];

describe('the default bank', () => {
  it('has 47 questions in file order', () => {
    expect(bank.questions.map((q) => q.id)).toEqual(expected.map((e) => e[0]));
  });

  it.each(expected)(
    '%s: title %s, tag %s, line %d, complete %s',
    (id, title, tag, line, complete) => {
      const q = get(id);
      expect(q.title).toBe(title);
      expect(q.tags[0] ?? null).toBe(tag);
      expect(q.source.line).toBe(line);
      expect(q.complete).toBe(complete);
      if (tag) expect(q.level).toBe(1);
    },
  );

  it('reports stats: 41 tagged, 5 incomplete, 145 formulas, figures missing but counted', () => {
    const s = bankStats(bank);
    expect(s.questions).toBe(47);
    expect(s.byTag).toEqual({ DL: 35, ML: 3, CI: 3 });
    expect(s.untagged).toBe(6);
    expect(s.incomplete).toEqual(['Q-d4ac85', 'Q-7711e3', 'Q-3f4b12', 'Q-202d4c', 'Q-a08e4f']);
    expect(s.formulas).toEqual({ display: 14, inline: 131 });
    expect(s.images).toEqual({ found: 0, missing: 10, remote: 2 });
    expect(s.errors).toEqual([]);
  });

  it('gives each incomplete question its reason', () => {
    expect(get('Q-d4ac85').incomplete).toEqual(['empty-subsections']);
    expect(get('Q-3f4b12').incomplete).toEqual(['link-only']);
    expect(get('Q-202d4c').incomplete).toEqual(['empty-body']);
    expect(get('Q-a08e4f').incomplete).toEqual(['link-only']);
    // NAS: "**AutoFPN, NAS-FPN, NAS-FCOS, AutoDeeplab: **" is followed straight by the next label.
    expect(get('Q-7711e3').incomplete).toEqual(['empty-subsections']);
    expect(get('Q30').complete).toBe(true); // text plus a link is an answer
  });

  it('reads `**term: **` (not emphasis in CommonMark) as bold, as the author meant', () => {
    expect(get('Q-7711e3').answer[0]).toMatchObject({
      type: 'paragraph',
      children: [
        {
          type: 'strong',
          children: [{ type: 'text', value: 'NAS with RL，NASNet, AmoebaNet, PNAS:' }],
        },
      ],
    });
  });

  it('reads key points in both spellings and strips the marker', () => {
    expect(get('Q1').keyPoints).toBe(
      '方差公式，方差不稳定性，设计思路，Xavier 和 He 的实现方法与特性。',
    );
    expect(get('Q6').keyPoints).toMatch(/^原文的解释 ICS/);
    expect(get('Q4').keyPoints).toBeNull();
  });

  it('splits a lead paragraph from the answer at the Answer marker', () => {
    const q9 = get('Q9');
    expect(q9.lead).toHaveLength(1);
    expect(JSON.stringify(q9.lead)).toContain('BN 训练怎么操作');
    expect(JSON.stringify(q9.answer)).not.toContain('Answer');
    expect(q9.answer[0]).toMatchObject({
      type: 'paragraph',
      children: [{ type: 'text', value: '流程：' }],
    });
  });

  it('handles a badge and the Answer marker in one paragraph (Q28)', () => {
    const q = get('Q28');
    expect(q.tags).toEqual(['DL']);
    expect(q.answer[0]).toMatchObject({ type: 'paragraph', children: [{ type: 'strong' }] });
  });

  it('links cross-references in quotes (Q28 → Q29..Q32)', () => {
    expect(get('Q28').refs).toEqual(['Q29', 'Q30', 'Q31', 'Q32']);
  });

  it('keeps display math with aligned environments and a blank line inside', () => {
    const math = get('Q39').answer.filter(
      (b): b is Extract<Block, { type: 'math' }> => b.type === 'math',
    );
    expect(math).toHaveLength(2);
    expect(math[0]!.tex).toMatch(/^\\begin\{aligned\}/);
    expect(math[1]!.tex).toContain('\\begin{align}');
    expect(math[1]!.tex).toContain('\n\n');
  });

  it('keeps code blocks with their language, including # lines', () => {
    const code = get('Q36').answer.filter((b) => b.type === 'code');
    expect(code.length).toBeGreaterThan(0);
    expect(
      code.some((b) => b.type === 'code' && b.lang === 'python' && b.value.includes('#outputs:')),
    ).toBe(true);
  });

  it('turns <u> into underline and inline math into math runs', () => {
    const json = JSON.stringify(get('Q1').answer);
    expect(json).toContain(
      '{"type":"underline","children":[{"type":"text","value":"保持输入和输出的方差一致"}]}',
    );
    expect(json).toContain('{"type":"math","tex":"\\\\frac{1}{n}"}');
  });

  it('marks local figures missing and remote ones remote', () => {
    const q3 = get('Q3').answer.find((b) => b.type === 'image');
    expect(q3).toMatchObject({
      type: 'image',
      image: { status: 'missing', url: 'questions.assets/1583232870263.png' },
    });
    const map = get('Q-3f4b12').answer.find((b) => b.type === 'image');
    expect(map).toMatchObject({ type: 'image', image: { status: 'remote' } });
  });

  it('keeps nested Q&A in quotes as quotes (NAS)', () => {
    const quote = get('Q-7711e3').answer.find((b) => b.type === 'quote');
    expect(JSON.stringify(quote)).toContain('NAS 的发展趋势');
    expect(get('Q-7711e3').refs).toEqual([]);
  });

  it('warns about incomplete questions and missing figures with file:line, and has no errors', () => {
    const warnings = bank.issues.map((i) => `${i.file}:${i.line}: ${i.code}`);
    expect(warnings).toContain('data/questions.md:785: incomplete:empty-subsections');
    expect(warnings).toContain('data/questions.md:69: missing-image');
    expect(warnings).toContain('data/questions.md:571: dangling-ref');
    expect(bank.issues.every((i) => i.severity === 'warning')).toBe(true);
  });
});
