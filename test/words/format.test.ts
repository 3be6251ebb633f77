import { expect } from '@open-wc/testing';
import { formatDecimal } from '../../src/flow/words/format.js';
import { en, ptBR } from '../../src/flow/words/index.js';

describe('amounts due, as each language writes them', () => {
  it('groups thousands and keeps every decimal the server sent, exactly', () => {
    expect(formatDecimal('1234567.05', '.', ',')).to.equal('1,234,567.05');
    expect(formatDecimal('12345678901234567890.123', '.', ',')).to.equal('12,345,678,901,234,567,890.123');
    expect(formatDecimal('-1000', '.', ',')).to.equal('-1,000');
    expect(formatDecimal('999', '.', ',')).to.equal('999');
    expect(formatDecimal('0.5', ',', '.')).to.equal('0,5');
  });

  it('writes English and Brazilian amounts with their own separators and the currency code', () => {
    expect(en.amount('120.50', 'USD')).to.equal('120.50 USD');
    expect(ptBR.amount('1234567.05', 'BRL')).to.equal('1.234.567,05 BRL');
  });
});
