import { formatDecimal } from './format.js';
import type { Strings } from './strings.js';

// Singular for 1 alone: Brazilian Portuguese says "0 segundos" (the CLDR rule would give "0 segundo"
// to zero, and the sentences below write 1 for it).
const one = (count: number) => count === 1;

/** Português do Brasil. */
export const ptBR: Strings = {
  heading: 'Excluir conta',
  deleteButton: 'Excluir conta',
  intro: 'Antes de excluir a conta, tudo o que aparece abaixo precisa estar resolvido.',
  introReadyConfirm: 'Tudo abaixo está resolvido. Para excluir a conta, digite o nome dela e pressione Excluir conta.',
  introReady: 'Tudo abaixo está resolvido. Para excluir a conta, pressione Excluir conta.',
  checkedJustNow: 'Verificado agora mesmo',
  checkedMinutesAgo: (minutes) => (one(minutes) ? 'Verificado há 1 minuto' : `Verificado há ${minutes} minutos`),
  checkedAt: (time) => `Verificado às ${new Intl.DateTimeFormat('pt-BR', { hour: 'numeric', minute: '2-digit' }).format(time)}`,
  checking: 'Verificando sua conta…',
  checksLabel: 'Verificações para excluir a conta',
  checkAgain: 'Verificar de novo',
  resolve: 'Resolver',
  resolveLabel: (title) => `Resolver ${title} (abre em uma nova aba)`,

  dnsZones: 'Zonas DNS',
  edgeApplications: 'Edge applications',
  debts: 'Débitos',
  resolved: 'resolvido',
  dnsZonesBlocking: (count) => (one(count) ? '1 zona ativa precisa ser desativada' : `${count} zonas ativas precisam ser desativadas`),
  edgeApplicationsBlocking: (count) =>
    one(count) ? '1 edge application precisa ser removida' : `${count} edge applications precisam ser removidas`,
  amount: (value, currency) => `${formatDecimal(value, ',', '.')} ${currency}`,
  debtsBlocking: (amount) => `${amount} em aberto`,
  debtsBlockingNoAmount: 'há um débito em aberto para pagar',
  unknownBlocking: 'precisa ser resolvido',
  unavailable: 'não foi possível verificar agora',
  andMore: (count) => (one(count) ? 'e mais 1' : `e mais ${count}`),
  listSeparator: ', ',

  consequencesHeading: 'O que acontece ao excluir',
  consequences: [
    'A exclusão não pode ser desfeita.',
    'As informações da conta ficam guardadas para auditorias futuras.',
    'Você recebe um e-mail de confirmação.',
    'Você pode criar uma nova conta quando quiser.',
  ],

  confirmLabel: 'Digite o nome da conta para confirmar',
  confirmHint: (name) => `O nome da conta é “${name}”.`,

  reasonChecking: 'Aguarde o fim da verificação da conta',
  reasonCheckFailed: 'Não foi possível verificar a conta',
  reasonBlocked: (count) => (one(count) ? 'Resolva 1 item antes' : `Resolva ${count} itens antes`),
  reasonConfirm: 'Digite o nome da conta antes',
  reasonMismatch: 'O nome digitado ainda não corresponde ao nome da conta',
  notDeletable: 'O servidor ainda não permite excluir esta conta. Verifique de novo mais tarde ou fale com o suporte.',
  reasonDeleting: 'A conta está sendo excluída',
  reasonRefused: 'O servidor recusou a exclusão desta conta',
  reasonSignIn: 'Entre de novo antes',
  reasonSignedOut: 'Entre de novo e verifique outra vez',

  readySummary: 'Nada mais impede a exclusão.',
  blockedSummary: (count) => (one(count) ? '1 item impede a exclusão.' : `${count} itens impedem a exclusão.`),
  deleting: 'Excluindo sua conta…',
  deleted: 'Sua conta foi excluída com sucesso.',
  emailOnItsWay: 'Um e-mail de confirmação está a caminho.',
  auditNote: 'As informações da conta ficam guardadas para auditorias futuras, e você pode criar uma nova conta quando quiser.',
  redirecting: (seconds) =>
    one(seconds) ? 'Você será redirecionado em 1 segundo.' : `Você será redirecionado em ${seconds} segundos.`,
  goNow: 'Ir agora',
  stayHere: 'Ficar nesta página',
  stayed: 'Você fica nesta página até escolher sair.',
  redirectRefused: 'O endereço da próxima página não é seguro, então você continua aqui. Você já pode fechar esta página.',
  feedback: 'Conte-nos como foi sua experiência',
  signup: 'Criar uma nova conta',
  contactSupport: 'fale com o suporte',
  close: 'Fechar',
  cannotClose: 'A conta está sendo excluída: esta janela fica aberta até a exclusão terminar.',
  cannotCloseDeleted: 'A conta foi excluída: esta janela fica aberta até você ser redirecionado.',

  errorRefused: (status) => `O servidor recusou o pedido (status ${status}).`,
  errorConflict: 'Algo mudou desde a última verificação: resolva os itens da lista de verificações e verifique de novo.',
  errorConflictUnexplained:
    'O servidor recusou a exclusão, mas nada a impede agora. Nada foi excluído. Pressione Excluir conta para tentar de novo; se acontecer outra vez, fale com o suporte.',
  errorReauth: 'Por segurança, entre de novo antes de excluir a conta. Nada foi excluído.',
  errorReauthMayBeDeleted:
    'Por segurança, entre de novo antes de excluir a conta. A tentativa anterior pode já tê-la excluído: nesse caso, um e-mail de confirmação está a caminho.',
  errorSignedOut: 'Sua sessão terminou. Entre de novo e verifique outra vez.',
  errorSignedOutMayBeDeleted:
    'Sua sessão terminou, o que pode significar que a conta foi excluída: nesse caso, um e-mail de confirmação está a caminho. Se não, entre de novo e verifique outra vez.',
  errorCheckAfterLostDelete:
    'A exclusão anterior não foi confirmada: a conta pode já ter sido excluída e, nesse caso, um e-mail de confirmação está a caminho.',
  errorRateLimited: (seconds) =>
    seconds === undefined
      ? 'Muitas tentativas. Aguarde um pouco e tente de novo.'
      : `Muitas tentativas. Aguarde ${seconds} ${one(seconds) ? 'segundo' : 'segundos'} e tente de novo.`,
  errorRateLimitedCheck: (seconds) =>
    seconds === undefined
      ? 'Muitas tentativas. Aguarde um pouco e verifique de novo.'
      : `Muitas tentativas. Aguarde ${seconds} ${one(seconds) ? 'segundo' : 'segundos'} e verifique de novo.`,
  errorServerCheck: (status) =>
    `O servidor teve um problema (status ${status}) e não foi possível verificar a conta. Verifique de novo daqui a pouco.`,
  errorServerDelete: (status) =>
    `O servidor teve um problema (status ${status}) e a exclusão não foi confirmada. Pressione Excluir conta de novo: é seguro, a conta não é excluída duas vezes.`,
  errorInProgressDelete:
    'A exclusão ainda está em andamento no servidor, então ainda não foi confirmada. Aguarde um pouco e pressione Excluir conta de novo: é seguro, a conta não é excluída duas vezes.',
  errorConnectionCheck: 'Nenhuma resposta do servidor chegou. Confira sua conexão e verifique de novo.',
  errorConnectionDelete:
    'Nenhuma resposta do servidor chegou, então a exclusão não foi confirmada. Confira sua conexão e pressione Excluir conta de novo: é seguro.',
  errorTimeoutCheck: 'O servidor demorou demais para responder. Verifique de novo.',
  errorTimeoutDelete:
    'O servidor demorou demais para responder, então a exclusão não foi confirmada. Pressione Excluir conta de novo: é seguro.',
  errorUnreadableCheck:
    'Não foi possível ler a resposta do servidor, então a exclusão continua bloqueada. Verifique de novo ou fale com o suporte se isso se repetir.',
  errorUnreadableDelete:
    'Não foi possível ler a resposta do servidor, então a exclusão não foi confirmada. Pressione Excluir conta de novo: é seguro, a conta não é excluída duas vezes.',
  errorInterruptedDelete: 'A exclusão foi interrompida antes da resposta do servidor. Pressione Excluir conta de novo para ter certeza: é seguro.',
  errorServerSaidNext: 'Se achar que é um engano, fale com o suporte.',
  errorUnexpected: 'Aconteceu algo inesperado, então a exclusão continua bloqueada. Verifique de novo.',
  reference: (requestId) => `Referência: ${requestId}`,
};
