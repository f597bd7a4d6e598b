<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_CA" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../ui/dialogs/about_dialog.py" line="+16"/>
        <source>Qt 6 and PySide6 (Qt for Python)</source>
        <translation>Qt 6 et PySide6 (Qt for Python)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stripe-python (Stripe&apos;s official SDK)</source>
        <translation>stripe-python (la trousse de développement officielle de Stripe)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Apache License 2.0 or BSD 3-Clause License</source>
        <translation>Apache License 2.0 ou BSD 3-Clause License</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>About POS Refunds</source>
        <translation>À propos de POS Refunds</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{fact}: {value}</source>
        <comment>a line of the About box</comment>
        <translation>{fact}&#xa0;: {value}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Licences</source>
        <translation>Licences</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;li&gt;{name}: {licence}&lt;/li&gt;</source>
        <comment>a line of the licences</comment>
        <translation>&lt;li&gt;{name}&#xa0;: {licence}&lt;/li&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;p&gt;POS Refunds is built on these, each under its own licence:&lt;/p&gt;&lt;ul&gt;{items}&lt;/ul&gt;&lt;p&gt;Qt is used as shared libraries under the LGPL v3; its source is at https://download.qt.io/.&lt;/p&gt;</source>
        <translation>&lt;p&gt;POS Refunds repose sur les composants suivants, chacun sous sa propre licence&#xa0;:&lt;/p&gt;&lt;ul&gt;{items}&lt;/ul&gt;&lt;p&gt;Qt est utilisé sous forme de bibliothèques partagées, sous la LGPL v3; son code source se trouve à https://download.qt.io/.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>AmountField</name>
    <message>
        <location filename="../ui/dialogs/amount_field.py" line="+52"/>
        <location line="+3"/>
        <source>Amount to refund</source>
        <translation>Montant à rembourser</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Amount to refund</source>
        <translation>&amp;Montant à rembourser</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Full amount</source>
        <translation>Montant &amp;total</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Amount error</source>
        <translation>Erreur de montant</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Refund kind</source>
        <translation>Type de remboursement</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>{error} Type it like {example}.</source>
        <comment>the amount&apos;s error, then an example of a valid amount</comment>
        <translation>{error} Entrez-le ainsi&#xa0;: {example}.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>A manager must approve partial refunds.</source>
        <translation>Un gérant doit approuver les remboursements partiels.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Partial refund: {amount} of the {left} left to refund.</source>
        <translation>Remboursement partiel&#xa0;: {amount} sur les {left} qui restent à rembourser.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Full refund of the {left} left to refund.</source>
        <translation>Remboursement complet des {left} qui restent à rembourser.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{refund} {approval}</source>
        <comment>the refund&apos;s kind, then why a manager must approve it</comment>
        <translation>{refund} {approval}</translation>
    </message>
</context>
<context>
    <name>AppStatusBar</name>
    <message>
        <location filename="../ui/views/status_bar.py" line="+18"/>
        <source>TRAINING</source>
        <translation>FORMATION</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TEST</source>
        <translation>TEST</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LIVE</source>
        <translation>RÉEL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CUSTOM SERVER</source>
        <translation>SERVEUR PERSONNALISÉ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Training: a simulated Stripe on this computer; no real money moves.</source>
        <translation>Formation&#xa0;: un Stripe simulé sur cet ordinateur; aucun argent réel n’est en jeu.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Test mode: Stripe test data; no real money moves.</source>
        <translation>Mode test&#xa0;: données de test Stripe; aucun argent réel n’est en jeu.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Live mode: real money moves.</source>
        <translation>Mode réel&#xa0;: de l’argent réel est en jeu.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A Stripe-compatible server given with --api-base.</source>
        <translation>Un serveur compatible avec Stripe, indiqué avec --api-base.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connection</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not updated yet</source>
        <translation>Pas encore mis à jour</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last update</source>
        <translation>Dernière mise à jour</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Account: {account}</source>
        <translation>Compte&#xa0;: {account}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mode: {mode}</source>
        <translation>Mode&#xa0;: {mode}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Connected</source>
        <translation>Connecté</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Offline — retrying</source>
        <translation>Hors ligne — nouvel essai en cours</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Updated {time}</source>
        <translation>Mis à jour à {time}</translation>
    </message>
</context>
<context>
    <name>AuthorizationRow</name>
    <message>
        <location filename="../ui/views/authorization_row.py" line="+38"/>
        <source>less than a day left</source>
        <translation>moins d’un jour restant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>less than 6 hours left</source>
        <translation>moins de 6 heures restantes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expired</source>
        <translation>expirée</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Capture</source>
        <comment>capture the payment</comment>
        <translation>Capturer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <comment>cancel the payment</comment>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>{amount} on {card}</source>
        <translation>{amount} sur {card}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Taken {when}&lt;br&gt;{age}</source>
        <translation>Autorisé {when}&lt;br&gt;{age}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Result: {result}</source>
        <translation>Résultat&#xa0;: {result}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Capture {amount} on {card}</source>
        <translation>Capturer {amount} sur {card}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel {amount} on {card}</source>
        <translation>Annuler {amount} sur {card}</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>No deadline</source>
        <translation>Aucune échéance</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Capture by about {when}&lt;br&gt;{left}</source>
        <translation>Capturer avant {when} environ&lt;br&gt;{left}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Capture by {when}&lt;br&gt;{left}</source>
        <translation>Capturer avant {when}&lt;br&gt;{left}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Capture by {when}, {urgency}</source>
        <translation>Capturer avant {when}, {urgency}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>in time</source>
        <translation>dans les délais</translation>
    </message>
</context>
<context>
    <name>AuthorizationRows</name>
    <message>
        <location filename="../ui/viewmodels/authorization_rows.py" line="+75"/>
        <source>Changed elsewhere: now {state}. Nothing was sent.</source>
        <comment>state: the payment&apos;s state, in lower case</comment>
        <translation>Modifié ailleurs&#xa0;: maintenant {state}. Rien n’a été envoyé.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{amount} on {card} — {outcome}</source>
        <comment>outcome: how this row ended (Not captured: …)</comment>
        <translation>{amount} sur {card} — {outcome}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{amount} on {card}</source>
        <translation>{amount} sur {card}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{amounts} and {amount}</source>
        <comment>sums in several currencies: $12.50 and US$3.00</comment>
        <translation>{amounts} et {amount}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Captured {amount}.</source>
        <translation>Capturé&#xa0;: {amount}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Canceled {amount}.</source>
        <translation>Annulé&#xa0;: {amount}.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not captured: unexpected error.</source>
        <translation>Non capturé&#xa0;: erreur inattendue.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not canceled: unexpected error.</source>
        <translation>Non annulé&#xa0;: erreur inattendue.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not captured: {why}.</source>
        <comment>why: the error&apos;s title</comment>
        <translation>Non capturé&#xa0;: {why}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not canceled: {why}.</source>
        <comment>why: the error&apos;s title</comment>
        <translation>Non annulé&#xa0;: {why}.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Changed elsewhere: refresh to see it now.</source>
        <translation>Modifié ailleurs&#xa0;: actualisez pour voir son état actuel.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not confirmed by Stripe yet: it is checked again before anything else is done with it.</source>
        <translation>Pas encore confirmé par Stripe&#xa0;: il sera vérifié de nouveau avant toute autre opération sur ce paiement.</translation>
    </message>
</context>
<context>
    <name>AuthorizationsSection</name>
    <message>
        <location filename="../ui/views/authorizations_section.py" line="+31"/>
        <source>No authorizations are waiting: nothing to capture or cancel.</source>
        <translation>Aucune autorisation en attente&#xa0;: rien à capturer ni à annuler.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stripe releases a hold that is not captured in time, and the sale is lost. Capture what was sold; cancel what was not.</source>
        <translation>Stripe libère une autorisation qui n’est pas capturée à temps, et la vente est perdue. Capturez ce qui a été vendu; annulez le reste.</translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+3"/>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Capture all</source>
        <translation>Tout capturer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel all</source>
        <translation>Tout annuler</translation>
    </message>
    <message>
        <location line="+106"/>
        <source>Capturing {current} of {total}…</source>
        <translation>Capture en cours&#xa0;: {current} sur {total}…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Canceling {current} of {total}…</source>
        <translation>Annulation en cours&#xa0;: {current} sur {total}…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{verb} {current} of {total}…</source>
        <translation>{verb} {current} sur {total}…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Stopping after this one…</source>
        <translation>Arrêt après celle-ci…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Authorizations not captured ({count})</source>
        <translation>Autorisations non capturées ({count})</translation>
    </message>
</context>
<context>
    <name>BackupFlow</name>
    <message>
        <location filename="../ui/flows/backup.py" line="+48"/>
        <source>Back up till data</source>
        <translation>Sauvegarder les données de la caisse</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Restore from a backup</source>
        <translation>Restaurer à partir d’une sauvegarde</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Restore this backup?</source>
        <translation>Restaurer cette sauvegarde?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restore and restart</source>
        <translation>Restaurer et redémarrer</translation>
    </message>
</context>
<context>
    <name>BackupWords</name>
    <message>
        <location filename="../ui/backup_words.py" line="+18"/>
        <source>POS Refunds backups (*.posbackup);;All files (*)</source>
        <translation>Sauvegardes POS Refunds (*.posbackup);;Tous les fichiers (*)</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%n journal entries</source>
        <translation>
            <numerusform>%n entrée du journal</numerusform>
            <numerusform>%n entrées du journal</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n staff</source>
        <comment>people on the staff list</comment>
        <translation>
            <numerusform>%n membre du personnel</numerusform>
            <numerusform>%n membres du personnel</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Backup saved to {path}: {entries}, {staff}. The Stripe key is not in it: enter it again on a new PC.</source>
        <translation>Sauvegarde enregistrée dans {path}&#xa0;: {entries}, {staff}. La clé Stripe n’y figure pas&#xa0;: entrez-la de nouveau sur un nouvel ordinateur.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This backup of till {till} was made on {created} (POS Refunds {version}). Its audit journal verifies: {entries}, and {staff}. It will replace this till&apos;s journal, staff list and settings; the present ones are kept in a &quot;before-restore&quot; folder inside the data folder, never deleted. The app closes and opens again to do it.</source>
        <translation>Cette sauvegarde de la caisse {till} a été faite le {created} (POS Refunds {version}). Son journal d’audit est vérifié&#xa0;: {entries} et {staff}. Elle remplacera le journal, la liste du personnel et les paramètres de cette caisse; les actuels sont conservés dans un dossier «&#xa0;before-restore&#xa0;» à l’intérieur du dossier de données, jamais supprimés. L’application se ferme et se rouvre pour le faire.</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n entries</source>
        <comment>in the audit journal</comment>
        <translation>
            <numerusform>%n entrée</numerusform>
            <numerusform>%n entrées</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Backup of till {till} from {created} restored: {entries}, {staff}. The previous data is kept in {kept_in}.</source>
        <translation>Sauvegarde de la caisse {till} du {created} restaurée&#xa0;: {entries}, {staff}. Les données précédentes sont conservées dans {kept_in}.</translation>
    </message>
</context>
<context>
    <name>CancelFlow</name>
    <message>
        <location filename="../ui/flows/money.py" line="+44"/>
        <source>Cancel this payment?</source>
        <translation>Annuler cette transaction?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel the payment of {amount} on {card}? The customer is not charged, and it cannot be undone.</source>
        <translation>Annuler la transaction de {amount} sur {card}? Le client ne sera pas débité, et l’opération est irréversible.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel payment</source>
        <translation>Annuler la transaction</translation>
    </message>
</context>
<context>
    <name>CaptureFlow</name>
    <message>
        <location line="+18"/>
        <source>Capture this payment?</source>
        <translation>Capturer ce paiement?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Capture {amount} from {card}? The customer is charged.</source>
        <translation>Capturer {amount} sur {card}? Le client sera débité.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Capture</source>
        <comment>the button that captures the payment</comment>
        <translation>Capturer le paiement</translation>
    </message>
</context>
<context>
    <name>DateRangeEdit</name>
    <message>
        <location filename="../ui/views/date_range.py" line="+37"/>
        <source>From date</source>
        <translation>Date de début</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To date</source>
        <translation>Date de fin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;From</source>
        <translation>&amp;Du</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;To</source>
        <translation>&amp;Au</translation>
    </message>
</context>
<context>
    <name>DayOperationsModel</name>
    <message>
        <location filename="../ui/models/day_operations_model.py" line="+45"/>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operation</source>
        <translation>Opération</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Card</source>
        <translation>Carte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Till</source>
        <translation>Caisse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done by</source>
        <translation>Effectué par</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved by</source>
        <translation>Approuvé par</translation>
    </message>
</context>
<context>
    <name>DayTablesView</name>
    <message>
        <location filename="../ui/views/day_tables.py" line="+30"/>
        <source>No payments collected and no refunds made today.</source>
        <translation>Aucun paiement encaissé et aucun remboursement effectué aujourd’hui.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No refunds, cancellations or captures today.</source>
        <translation>Aucun remboursement, aucune annulation et aucune capture aujourd’hui.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refunds, cancellations and captures of the day</source>
        <translation>Remboursements, annulations et captures de la journée</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Totals of the day</source>
        <translation>Totaux de la journée</translation>
    </message>
</context>
<context>
    <name>DayTotalsModel</name>
    <message>
        <location filename="../ui/models/day_totals_model.py" line="+25"/>
        <source>All {currency}</source>
        <translation>Total {currency}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Network</source>
        <translation>Réseau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sales</source>
        <translation>Ventes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Collected</source>
        <translation>Encaissé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refunds</source>
        <translation>Remboursements</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refunded</source>
        <translation>Remboursé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Net</source>
        <translation>Net</translation>
    </message>
</context>
<context>
    <name>DayWords</name>
    <message>
        <location filename="../ui/day_words.py" line="+26"/>
        <source>Refund on reader</source>
        <translation>Remboursement sur le lecteur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refund</source>
        <comment>an operation of the day</comment>
        <translation>Remboursement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Capture</source>
        <comment>an operation of the day</comment>
        <translation>Capture</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <comment>an operation of the day: the payment was canceled</comment>
        <translation>Annulation</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Card declined</source>
        <translation>Carte refusée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrong card</source>
        <translation>Mauvaise carte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Card expired</source>
        <translation>Carte expirée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Card not processed</source>
        <translation>Carte non traitée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reader timed out</source>
        <translation>Délai du lecteur dépassé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reader went offline</source>
        <translation>Lecteur passé hors ligne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Canceled at the till</source>
        <translation>Annulé à la caisse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Canceled by the customer</source>
        <translation>Annulé par le client</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Failed: card lost or stolen</source>
        <translation>Échec&#xa0;: carte perdue ou volée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed: card expired or closed</source>
        <translation>Échec&#xa0;: carte expirée ou fermée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed: insufficient funds</source>
        <translation>Échec&#xa0;: fonds insuffisants</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed: declined by the bank</source>
        <translation>Échec&#xa0;: refusé par la banque</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed: stopped by the shop</source>
        <translation>Échec&#xa0;: arrêté par le commerce</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed: payment disputed</source>
        <translation>Échec&#xa0;: paiement en litige</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Refunded</source>
        <translation>Remboursé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Canceled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Captured</source>
        <translation>Capturé</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not settled yet</source>
        <translation>Pas encore réglé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pending</source>
        <comment>an operation not yet confirmed by Stripe</comment>
        <translation>En attente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refund canceled</source>
        <translation>Remboursement annulé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not done</source>
        <translation>Non effectué</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Left over and canceled</source>
        <translation>Resté en suspens et annulé</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Outside this app</source>
        <translation>Hors de cette application</translation>
    </message>
</context>
<context>
    <name>DetailPanel</name>
    <message>
        <location filename="../ui/views/detail_panel.py" line="+40"/>
        <source>Cancel payment</source>
        <translation>Annuler la transaction</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Capture</source>
        <translation>Capturer le paiement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refund online</source>
        <translation>Rembourser en ligne</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refund on reader</source>
        <translation>Rembourser sur le lecteur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received</source>
        <translation>Encaissé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refunded</source>
        <translation>Remboursé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Left to refund</source>
        <translation>Reste à rembourser</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Card</source>
        <translation>Carte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Funding</source>
        <translation>Type de compte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reader</source>
        <translation>Lecteur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Created</source>
        <translation>Créé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Capture by</source>
        <translation>Capturer avant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Credit</source>
        <comment>account type</comment>
        <translation>Crédit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checking</source>
        <comment>account type</comment>
        <translation>Chèque</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Savings</source>
        <comment>account type</comment>
        <translation>Épargne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prepaid</source>
        <comment>account type</comment>
        <translation>Prépayé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown</source>
        <comment>account type</comment>
        <translation>Inconnu</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>No refunds yet.</source>
        <translation>Aucun remboursement pour l’instant.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Authorization of {amount} released: the customer was not charged.</source>
        <translation>Autorisation de {amount} libérée&#xa0;: le client n’a pas été débité.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Authorization of {amount} released: the customer was not charged. By {who}, {when}.</source>
        <translation>Autorisation de {amount} libérée&#xa0;: le client n’a pas été débité. Par {who}, {when}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Authorization of {amount} released: the customer was not charged. {when}.</source>
        <translation>Autorisation de {amount} libérée&#xa0;: le client n’a pas été débité. {when}.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Payment details</source>
        <translation>Détails du paiement</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Select a payment to see its details.

Scan a receipt or search above.</source>
        <translation>Sélectionnez un paiement pour en voir les détails.

Scannez un reçu ou faites une recherche ci-dessus.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Amount and state</source>
        <translation>Montant et état</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Payment id</source>
        <translation>Identifiant du paiement</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Capture deadline</source>
        <translation>Échéance de capture</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+214"/>
        <source>Refunds</source>
        <translation>Remboursements</translation>
    </message>
    <message>
        <location line="-191"/>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Why “{action}” is not available</source>
        <translation>Pourquoi «&#xa0;{action}&#xa0;» n’est pas disponible</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>⚠ The authorization has expired: it can no longer be captured.</source>
        <translation>⚠ L’autorisation a expiré&#xa0;: elle ne peut plus être capturée.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>⚠ Capture or cancel within {duration} — the authorization then expires.</source>
        <translation>⚠ Capturez ou annulez d’ici {duration} — l’autorisation expire ensuite.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Refunds ({count})</source>
        <translation>Remboursements ({count})</translation>
    </message>
</context>
<context>
    <name>EndOfDayBulkFlow</name>
    <message>
        <location filename="../ui/flows/bulk.py" line="+61"/>
        <source>Capture this payment?</source>
        <translation>Capturer ce paiement?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Capture {amount} on {card}? The customer is charged.</source>
        <translation>Capturer {amount} sur {card}? Le client sera débité.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Capture</source>
        <comment>the button that captures the payment</comment>
        <translation>Capturer le paiement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel this payment?</source>
        <translation>Annuler cette transaction?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel the payment of {amount} on {card}? The hold on the customer&apos;s card is released.</source>
        <translation>Annuler la transaction de {amount} sur {card}? L’autorisation sur la carte du client sera libérée.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel payment</source>
        <translation>Annuler la transaction</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Capture all?</source>
        <translation>Tout capturer?</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Capture %n authorizations ({amounts})? The customers are charged.</source>
        <translation>
            <numerusform>Capturer %n autorisation ({amounts})? Le client sera débité.</numerusform>
            <numerusform>Capturer %n autorisations ({amounts})? Les clients seront débités.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Capture %n</source>
        <comment>a button: capture this many authorizations</comment>
        <translation>
            <numerusform>Capturer %n autorisation</numerusform>
            <numerusform>Capturer %n autorisations</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel all?</source>
        <translation>Tout annuler?</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Cancel %n authorizations ({amounts})? The holds on the customers&apos; cards are released.</source>
        <translation>
            <numerusform>Annuler %n autorisation ({amounts})? L’autorisation sur la carte du client sera libérée.</numerusform>
            <numerusform>Annuler %n autorisations ({amounts})? Les autorisations sur les cartes des clients seront libérées.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Cancel %n</source>
        <comment>a button: cancel this many authorizations</comment>
        <translation>
            <numerusform>Annuler %n autorisation</numerusform>
            <numerusform>Annuler %n autorisations</numerusform>
        </translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Not done: stopped.</source>
        <comment>a capture or cancel of a batch the manager stopped</comment>
        <translation>Non effectué&#xa0;: lot interrompu.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Capturing…</source>
        <translation>Capture en cours…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Canceling…</source>
        <translation>Annulation en cours…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Capturing</source>
        <comment>a batch&apos;s progress: Capturing 3 of 7…</comment>
        <translation>Capture</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Canceling</source>
        <comment>a batch&apos;s progress: Canceling 3 of 7…</comment>
        <translation>Annulation</translation>
    </message>
</context>
<context>
    <name>EndOfDayCsv</name>
    <message>
        <location filename="../ui/end_of_day_csv.py" line="+29"/>
        <source>record</source>
        <translation>type</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>time</source>
        <translation>horodatage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>payment_id</source>
        <translation>id_paiement</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>id</source>
        <translation>id</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>network</source>
        <translation>réseau</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>kind</source>
        <translation>nature</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>state</source>
        <translation>état</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>amount</source>
        <translation>montant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>currency</source>
        <translation>devise</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>staff</source>
        <translation>personnel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>approved_by</source>
        <translation>approuvé_par</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>till</source>
        <translation>caisse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stripe_ids</source>
        <translation>ids_stripe</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>error</source>
        <translation>erreur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>outcome</source>
        <translation>résultat</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>payment</source>
        <comment>a row of the CSV: a payment</comment>
        <translation>paiement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>refund</source>
        <comment>a row of the CSV: a refund</comment>
        <translation>remboursement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>operation</source>
        <comment>a row of the CSV: a refund, cancel or capture of this app</comment>
        <translation>opération</translation>
    </message>
</context>
<context>
    <name>EndOfDayDialog</name>
    <message>
        <location filename="../ui/dialogs/end_of_day.py" line="+64"/>
        <source>End of day</source>
        <translation>Fin de journée</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>End of day — {day}</source>
        <translation>Fin de journée — {day}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Checking the journal…</source>
        <translation>Vérification du journal…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Journal check</source>
        <translation>Vérification du journal</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saved</source>
        <comment>what was saved last</comment>
        <translation>Enregistré</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print…</source>
        <translation>Imprimer…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print the report</source>
        <translation>Imprimer le rapport</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as PDF…</source>
        <translation>Enregistrer en PDF…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the report as PDF</source>
        <translation>Enregistrer le rapport en PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+153"/>
        <source>Export the day as CSV</source>
        <translation>Exporter la journée en CSV</translation>
    </message>
    <message>
        <location line="-152"/>
        <location line="+81"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Wait…</source>
        <translation>Patientez…</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>Journal verified: %n entries intact.</source>
        <translation>
            <numerusform>Journal vérifié&#xa0;: %n entrée intacte.</numerusform>
            <numerusform>Journal vérifié&#xa0;: %n entrées intactes.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The journal does not verify: see Reports → Audit journal.</source>
        <translation>La vérification du journal a échoué&#xa0;: voyez Rapports → Journal d’audit.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The day&apos;s operations were not read from Stripe: {reason}.</source>
        <translation>Les opérations de la journée n’ont pas pu être lues chez Stripe&#xa0;: {reason}.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Saved {path}</source>
        <comment>a file</comment>
        <translation>Enregistré&#xa0;: {path}</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>End of day {date}</source>
        <comment>the printed report&apos;s name</comment>
        <translation>Fin de journée {date}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save the end-of-day report as PDF</source>
        <translation>Enregistrer le rapport de fin de journée en PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>end-of-day-{date}.{suffix}</source>
        <comment>a file name: no spaces, no accents</comment>
        <translation>fin-de-journee-{date}.{suffix}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>EndOfDayReport</name>
    <message>
        <location filename="../ui/end_of_day_report.py" line="+112"/>
        <source>No payments collected and no refunds made today.</source>
        <translation>Aucun paiement encaissé et aucun remboursement effectué aujourd’hui.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>All {currency}</source>
        <comment>the total of every network</comment>
        <translation>Total {currency}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Network</source>
        <translation>Réseau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sales</source>
        <comment>how many payments were collected</comment>
        <translation>Ventes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Collected</source>
        <comment>the amount collected</comment>
        <translation>Encaissé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refunds</source>
        <comment>how many refunds were made</comment>
        <translation>Remboursements</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refunded</source>
        <comment>the amount refunded</comment>
        <translation>Remboursé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Net</source>
        <comment>collected less refunded</comment>
        <translation>Net</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Expired</source>
        <comment>an authorization past its deadline</comment>
        <translation>Expirée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>about {duration} left</source>
        <translation>Reste environ {duration}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{duration} left</source>
        <translation>Reste {duration}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>None: nothing is waiting to be captured or canceled.</source>
        <translation>Aucune&#xa0;: rien n’attend d’être capturé ou annulé.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Taken</source>
        <comment>when the payment was authorized</comment>
        <translation>Autorisé le</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+34"/>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location line="-33"/>
        <location line="+34"/>
        <source>Card</source>
        <translation>Carte</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>Capture by</source>
        <comment>the deadline to capture</comment>
        <translation>Capturer avant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time left</source>
        <translation>Temps restant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment</source>
        <comment>the payment&apos;s id</comment>
        <translation>Paiement</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>None today.</source>
        <comment>no refunds, cancellations or captures</comment>
        <translation>Aucune opération aujourd’hui.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operation</source>
        <translation>Opération</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Till</source>
        <translation>Caisse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done by</source>
        <translation>Effectué par</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved by</source>
        <translation>Approuvé par</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The journal was not checked.</source>
        <translation>Le journal n’a pas été vérifié.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Journal verified: %n entries, none changed, removed or reordered. Newest entry&apos;s hash: &lt;span class=&quot;hash&quot;&gt;{hash}&lt;/span&gt;</source>
        <translation>
            <numerusform>Journal vérifié&#xa0;: %n entrée, aucune modifiée, supprimée ou déplacée. Empreinte de la dernière entrée&#xa0;: &lt;span class=&quot;hash&quot;&gt;{hash}&lt;/span&gt;</numerusform>
            <numerusform>Journal vérifié&#xa0;: %n entrées, aucune modifiée, supprimée ou déplacée. Empreinte de la dernière entrée&#xa0;: &lt;span class=&quot;hash&quot;&gt;{hash}&lt;/span&gt;</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The journal does not verify:</source>
        <translation>La vérification du journal a échoué&#xa0;:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>TRAINING mode</source>
        <translation>Mode formation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TEST mode</source>
        <translation>Mode test</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LIVE mode</source>
        <translation>Mode réel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CUSTOM mode</source>
        <translation>Mode serveur personnalisé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{mode} mode</source>
        <translation>Mode {mode}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>End of day — {day}</source>
        <translation>Fin de journée — {day}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>printed {when} by {name}</source>
        <translation>imprimé le {when} par {name}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>TRAINING — no real money moved.</source>
        <translation>FORMATION — aucun argent réel n’a circulé.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Totals of the day</source>
        <translation>Totaux de la journée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Authorizations not captured ({count})</source>
        <translation>Autorisations non capturées ({count})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refunds, cancellations and captures of the day ({count})</source>
        <translation>Remboursements, annulations et captures de la journée ({count})</translation>
    </message>
</context>
<context>
    <name>EndOfDayViewModel</name>
    <message>
        <location filename="../ui/viewmodels/end_of_day_vm.py" line="+159"/>
        <source>Not checked again with Stripe: {problem}.</source>
        <comment>problem: the error&apos;s title, in lower case</comment>
        <translation>Non revérifié auprès de Stripe&#xa0;: {problem}.</translation>
    </message>
</context>
<context>
    <name>FirstManagerView</name>
    <message>
        <location filename="../ui/views/first_manager_view.py" line="+32"/>
        <source>Welcome: set up the first manager</source>
        <translation>Bienvenue&#xa0;: configurez le premier gérant</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nobody is on this till&apos;s staff list yet. The first person is a manager: they add everyone else with Staff › Manage staff. The PIN is 4 to 8 digits; it is never stored as it is typed.</source>
        <translation>Personne ne figure encore sur la liste du personnel de cette caisse. La première personne est gérant&#xa0;: elle ajoute toutes les autres avec Personnel › Gérer le personnel. Le NIP compte de 4 à 8 chiffres; il n’est jamais enregistré tel qu’il est tapé.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Manager&apos;s name</source>
        <translation>Nom du gérant</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>PIN</source>
        <translation>NIP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PIN again</source>
        <translation>Confirmer le NIP</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+43"/>
        <source>Create manager and sign in</source>
        <translation>Créer le gérant et ouvrir une session</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;PIN</source>
        <translation>N&amp;IP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PIN &amp;again</source>
        <translation>&amp;Confirmer le NIP</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Creating…</source>
        <translation>Création…</translation>
    </message>
</context>
<context>
    <name>Flow</name>
    <message>
        <location filename="../ui/flows/base.py" line="+77"/>
        <source>LIVE MODE — this moves real money. {question}</source>
        <comment>before the question of a confirmation</comment>
        <translation>MODE RÉEL — cette opération déplace de l’argent réel. {question}</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <location filename="../ui/formatting.py" line="+98"/>
        <source>today {time}</source>
        <comment>inside a sentence</comment>
        <translation>aujourd’hui {time}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Today {time}</source>
        <translation>Aujourd’hui {time}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>yesterday {time}</source>
        <comment>inside a sentence</comment>
        <translation>hier {time}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yesterday {time}</source>
        <translation>Hier {time}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>tomorrow {time}</source>
        <comment>inside a sentence</comment>
        <translation>demain {time}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tomorrow {time}</source>
        <translation>Demain {time}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{day} {time}</source>
        <comment>a date and a time</comment>
        <translation>{day} {time}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>just now</source>
        <translation>à l’instant</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>%n days</source>
        <translation>
            <numerusform>%n jour</numerusform>
            <numerusform>%n jours</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} h {minutes} min</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{hours} h</source>
        <translation>{hours} h</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{model} (simulated)</source>
        <comment>a reader&apos;s model</comment>
        <translation>{model} (simulé)</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <location filename="../ui/help_menu.py" line="+22"/>
        <source>Copy diagnostics</source>
        <translation>Copier les diagnostics</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>About POS Refunds…</source>
        <translation>À propos de POS Refunds…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Diagnostics copied to the clipboard: paste them into your message to support.</source>
        <translation>Diagnostics copiés dans le presse-papiers&#xa0;: collez-les dans votre message au soutien technique.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data folder</source>
        <translation>Dossier des données</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log folder</source>
        <translation>Dossier des fichiers journaux</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Till id</source>
        <translation>Identifiant de la caisse</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>TRAINING</source>
        <comment>the mode: practice with the sandbox</comment>
        <translation>FORMATION</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TEST</source>
        <comment>the mode: a Stripe test key</comment>
        <translation>TEST</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LIVE</source>
        <comment>the mode: real money</comment>
        <translation>RÉEL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CUSTOM SERVER</source>
        <comment>the mode: another Stripe-compatible server</comment>
        <translation>SERVEUR PERSONNALISÉ</translation>
    </message>
</context>
<context>
    <name>JournalDialog</name>
    <message>
        <location filename="../ui/dialogs/journal_dialog.py" line="+72"/>
        <location line="+8"/>
        <source>Audit journal</source>
        <translation>Journal d’audit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every money operation of this till as it was written: who asked, who approved, what Stripe answered. Entries can be added, never changed.</source>
        <translation>Chaque opération monétaire de cette caisse, telle qu’elle a été écrite&#xa0;: qui l’a demandée, qui l’a approuvée, ce que Stripe a répondu. On peut ajouter des entrées, jamais les modifier.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Filter by state</source>
        <translation>Filtrer par état</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All states</source>
        <translation>Tous les états</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+152"/>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <location line="-150"/>
        <source>Entries shown</source>
        <translation>Entrées affichées</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Selected entry</source>
        <translation>Entrée sélectionnée</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Verification result</source>
        <translation>Résultat de la vérification</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+127"/>
        <source>Verify journal</source>
        <translation>Vérifier le journal</translation>
    </message>
    <message>
        <location line="-125"/>
        <location line="+129"/>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <location line="-128"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Journal entries</source>
        <translation>Entrées du journal</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>&amp;State</source>
        <comment>of an operation: pending, succeeded…</comment>
        <translation>&amp;État</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Select an operation to see all it says and its history.</source>
        <translation>Sélectionnez une opération pour voir tout son détail et son historique.</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>{shown} of %n operations</source>
        <translation>
            <numerusform>{shown} sur %n opération</numerusform>
            <numerusform>{shown} sur %n opérations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n operations</source>
        <translation>
            <numerusform>%n opération</numerusform>
            <numerusform>%n opérations</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Journal exported to {path}</source>
        <translation>Journal exporté dans {path}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Verifying…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Exporting…</source>
        <translation>Exportation…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export the journal as CSV</source>
        <translation>Exporter le journal en CSV</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>journal-{date}.csv</source>
        <comment>a file name: no spaces, no accents</comment>
        <translation>journal-{date}.csv</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>JournalTableModel</name>
    <message>
        <location filename="../ui/models/journal_model.py" line="+36"/>
        <source>Refund online</source>
        <translation>Remboursement en ligne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refund on reader</source>
        <translation>Remboursement sur le lecteur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Annulation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Capture</source>
        <translation>Capture</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings changed</source>
        <translation>Paramètres modifiés</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Succeeded</source>
        <translation>Réussi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>Échoué</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome unknown</source>
        <translation>Résultat inconnu</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>&lt;b&gt;Entry {seq}&lt;/b&gt;</source>
        <translation>&lt;b&gt;Entrée {seq}&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>operation &lt;b&gt;{value}&lt;/b&gt;</source>
        <translation>opération &lt;b&gt;{value}&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>payment &lt;b&gt;{value}&lt;/b&gt;</source>
        <translation>paiement &lt;b&gt;{value}&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>none</source>
        <comment>no amount</comment>
        <translation>aucun</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount &lt;b&gt;{value}&lt;/b&gt;</source>
        <translation>Montant &lt;b&gt;{value}&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>staff &lt;b&gt;{value}&lt;/b&gt;</source>
        <translation>personnel &lt;b&gt;{value}&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>approved by &lt;b&gt;{value}&lt;/b&gt;</source>
        <translation>approuvé par &lt;b&gt;{value}&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nobody</source>
        <comment>approved by nobody</comment>
        <translation>personne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>till &lt;b&gt;{value}&lt;/b&gt;</source>
        <translation>caisse &lt;b&gt;{value}&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>reader &lt;b&gt;{value}&lt;/b&gt;</source>
        <translation>lecteur &lt;b&gt;{value}&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stripe &lt;b&gt;{value}&lt;/b&gt;</source>
        <translation>Stripe &lt;b&gt;{value}&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no ids yet</source>
        <translation>aucun identifiant pour l’instant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason &lt;b&gt;{value}&lt;/b&gt;</source>
        <translation>Motif &lt;b&gt;{value}&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note &lt;b&gt;{value}&lt;/b&gt;</source>
        <translation>Note &lt;b&gt;{value}&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Error: {error}</source>
        <translation>Erreur&#xa0;: {error}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{when} ({time}) · &lt;b&gt;{state}&lt;/b&gt; · entry {seq}</source>
        <translation>{when} ({time}) · &lt;b&gt;{state}&lt;/b&gt; · entrée {seq}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>History:</source>
        <translation>Historique&#xa0;:</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operation</source>
        <translation>Opération</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment</source>
        <translation>Paiement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Staff</source>
        <translation>Personnel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved by</source>
        <translation>Approuvé par</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Till</source>
        <translation>Caisse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stripe ids</source>
        <translation>Identifiants Stripe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>{op_id} (entry {seq})</source>
        <translation>{op_id} (entrée {seq})</translation>
    </message>
</context>
<context>
    <name>JournalWords</name>
    <message>
        <location filename="../ui/viewmodels/journal_vm.py" line="+39"/>
        <source>Journal OK: it has no entries yet.</source>
        <translation>Journal valide&#xa0;: il ne contient encore aucune entrée.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Journal OK: %n entries checked, none changed, removed or reordered.</source>
        <translation>
            <numerusform>Journal valide&#xa0;: %n entrée vérifiée, ni modifiée, ni supprimée, ni déplacée.</numerusform>
            <numerusform>Journal valide&#xa0;: %n entrées vérifiées, aucune modifiée, supprimée ou déplacée.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Newest entry&apos;s hash: {hash}</source>
        <translation>Empreinte de l’entrée la plus récente&#xa0;: {hash}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The journal does not verify. Problems found:</source>
        <translation>La vérification du journal a échoué. Problèmes trouvés&#xa0;:</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n entries were checked. Keep this file and tell the person responsible for the shop&apos;s records.</source>
        <translation>
            <numerusform>%n entrée a été vérifiée. Conservez ce fichier et avisez la personne responsable des registres du magasin.</numerusform>
            <numerusform>%n entrées ont été vérifiées. Conservez ce fichier et avisez la personne responsable des registres du magasin.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not compared with Stripe: {reason}</source>
        <translation>Non comparé avec Stripe&#xa0;: {reason}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The journal and Stripe differ:</source>
        <translation>Le journal et Stripe diffèrent&#xa0;:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep this file and tell the person responsible for the shop&apos;s records.</source>
        <translation>Conservez ce fichier et avisez la personne responsable des registres du magasin.</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Stripe confirms the journal up to entry {entry} (%n newer operations with nothing at Stripe to compare).</source>
        <translation>
            <numerusform>Stripe confirme le journal jusqu’à l’entrée {entry} (%n opération plus récente sans rien à comparer chez Stripe).</numerusform>
            <numerusform>Stripe confirme le journal jusqu’à l’entrée {entry} (%n opérations plus récentes sans rien à comparer chez Stripe).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stripe confirms the journal up to entry {entry}.</source>
        <translation>Stripe confirme le journal jusqu’à l’entrée {entry}.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Stripe agrees with the %n newest operations; none carries a seal of the journal yet.</source>
        <translation>
            <numerusform>Stripe concorde avec l’opération la plus récente (%n); elle ne porte encore aucun sceau du journal.</numerusform>
            <numerusform>Stripe concorde avec les %n opérations les plus récentes; aucune ne porte encore de sceau du journal.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing in the journal has reached Stripe yet.</source>
        <translation>Rien dans le journal n’est encore parvenu à Stripe.</translation>
    </message>
</context>
<context>
    <name>LimitRow</name>
    <message>
        <location filename="../ui/views/limit_row.py" line="+33"/>
        <source>Currency of limit {number}</source>
        <translation>Devise de la limite {number}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Amount of limit {number}</source>
        <translation>Montant de la limite {number}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove limit {number}</source>
        <translation>Retirer la limite {number}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Problem with limit {number}</source>
        <translation>Problème avec la limite {number}</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Enter the currency&apos;s three-letter code, e.g. CAD.</source>
        <translation>Entrez le code de la devise en trois lettres, p.&#xa0;ex. CAD.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stripe does not know the currency {currency}.</source>
        <translation>Stripe ne connaît pas la devise {currency}.</translation>
    </message>
</context>
<context>
    <name>LimitsEditor</name>
    <message>
        <location filename="../ui/views/limits_editor.py" line="+34"/>
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refunds above this need a manager</source>
        <translation>Au-delà de ce montant, un gérant doit approuver</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Add a currency</source>
        <translation>Ajouter une devise</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>{currency} is listed twice.</source>
        <translation>{currency} figure deux fois.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../ui/main_window.py" line="+59"/>
        <source>TRAINING MODE — no real money moves. Practise freely.</source>
        <translation>MODE FORMATION — aucun argent réel ne circule. Exercez-vous librement.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Some earlier operations are not resolved yet; their payments stay locked until they are.</source>
        <translation>Certaines opérations antérieures ne sont pas encore résolues; leurs paiements restent verrouillés jusqu’à leur résolution.</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>Training mode</source>
        <translation>Mode formation</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Find payment</source>
        <translation>Rechercher un paiement</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refund</source>
        <translation>Rembourser</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel payment</source>
        <translation>Annuler la transaction</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Capture</source>
        <translation>Capturer le paiement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Main</source>
        <comment>the toolbar&apos;s name</comment>
        <translation>Principale</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{action} ({keys})</source>
        <comment>a toolbar button: its text, its keys</comment>
        <translation>{action} ({keys})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Payments</source>
        <translation>&amp;Paiements</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Settings…</source>
        <translation>Paramètres…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Back up till data…</source>
        <translation>Sauvegarder les données de la caisse…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restore from backup…</source>
        <translation>Restaurer à partir d’une sauvegarde…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Staff</source>
        <translation>P&amp;ersonnel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audit journal…</source>
        <translation>Journal d’audit…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End of day…</source>
        <translation>Fin de journée…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reports</source>
        <translation>&amp;Rapports</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Interrupted operations checked</source>
        <translation>Opérations interrompues vérifiées</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Only a manager can back up the till&apos;s data.</source>
        <translation>Seul un gérant peut sauvegarder les données de la caisse.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Only a manager can restore the till&apos;s data.</source>
        <translation>Seul un gérant peut restaurer les données de la caisse.</translation>
    </message>
</context>
<context>
    <name>ManagerApprovalDialog</name>
    <message>
        <location filename="../ui/dialogs/manager_approval.py" line="+38"/>
        <source>Manager approval</source>
        <translation>Approbation du gérant</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A manager must approve</source>
        <translation>Un gérant doit approuver</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A manager must sign in</source>
        <translation>Un gérant doit ouvrir une session</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Why approval is needed</source>
        <translation>Pourquoi une approbation est nécessaire</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Manager: tap your name and type your PIN. The approval is for this refund only.</source>
        <translation>Gérant&#xa0;: touchez votre nom et entrez votre NIP. L’approbation vaut pour ce remboursement seulement.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Manager: tap your name and type your PIN. This is for this task only; the till stays signed in as it is.</source>
        <translation>Gérant&#xa0;: touchez votre nom et entrez votre NIP. Cela vaut pour cette tâche seulement; la session de la caisse reste ouverte telle quelle.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Loading the managers…</source>
        <translation>Chargement des gérants…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approve</source>
        <translation>Approuver</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sign in</source>
        <translation>Ouvrir une session</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel the approval</source>
        <translation>Annuler l’approbation</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Refund of &lt;b&gt;{amount}&lt;/b&gt; to {card}</source>
        <translation>Remboursement de &lt;b&gt;{amount}&lt;/b&gt; sur {card}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refund of &lt;b&gt;{amount}&lt;/b&gt;</source>
        <translation>Remboursement de &lt;b&gt;{amount}&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What is approved</source>
        <translation>Ce qui est approuvé</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>No manager is on the staff list, so nobody can approve this here.</source>
        <translation>Aucun gérant ne figure dans la liste du personnel&#xa0;: personne ne peut donc approuver ceci ici.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>PIN for {name}</source>
        <translation>NIP de {name}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{title}: {message}</source>
        <comment>an error&apos;s title, then what it says</comment>
        <translation>{title}&#xa0;: {message}</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../ui/messages.py" line="+77"/>
        <source>Enter an amount.</source>
        <translation>Entrez un montant.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{text}” is not an amount.</source>
        <translation>«&#xa0;{text}&#xa0;» n’est pas un montant.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This payment is in {currency}, not {typed}.</source>
        <translation>Ce paiement est en {currency}, pas en {typed}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{currency} amounts have no decimals.</source>
        <translation>Les montants en {currency} n’ont pas de décimales.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{currency} amounts have at most {decimals} decimals.</source>
        <translation>Les montants en {currency} ont au plus {decimals} décimales.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the amount without a minus sign: refunds are always positive.</source>
        <translation>Entrez le montant sans signe moins&#xa0;: un remboursement est toujours positif.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The amount is too large (at most {maximum}).</source>
        <translation>Le montant est trop élevé (au plus {maximum}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The amount must be more than zero.</source>
        <translation>Le montant doit être supérieur à zéro.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At most {maximum} can be refunded.</source>
        <translation>Vous pouvez rembourser au plus {maximum}.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Stripe reports a status this app does not know (“{status}”); nothing can be done here. Check the payment in the Stripe Dashboard.</source>
        <translation>Stripe indique un état que cette application ne connaît pas («&#xa0;{status}&#xa0;»); rien ne peut être fait ici. Vérifiez le paiement dans le Dashboard Stripe.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Payment is still processing; wait a moment and refresh.</source>
        <translation>Le paiement est encore en traitement; attendez un moment, puis actualisez.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Already canceled.</source>
        <translation>Déjà annulé.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Canceled payments cannot be captured.</source>
        <translation>Un paiement annulé ne peut pas être capturé.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Canceled payments cannot be refunded.</source>
        <translation>Un paiement annulé ne peut pas être remboursé.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing was collected, so there is nothing to refund.</source>
        <translation>Rien n’a été encaissé, il n’y a donc rien à rembourser.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Already fully refunded.</source>
        <translation>Déjà entièrement remboursé.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not authorized yet: nothing to capture; cancel it instead.</source>
        <translation>Pas encore autorisé&#xa0;: rien à capturer; annulez-le plutôt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not paid yet: nothing to refund; cancel it instead.</source>
        <translation>Pas encore payé&#xa0;: rien à rembourser; annulez-le plutôt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The card details of this payment are not loaded yet; refresh it.</source>
        <translation>Les détails de la carte de ce paiement ne sont pas encore chargés; actualisez-le.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{network} payments are captured at once, so this one should not be waiting for capture. Refresh it, or check it in the Stripe Dashboard.</source>
        <translation>Les paiements {network} sont capturés immédiatement; celui-ci ne devrait donc pas être en attente de capture. Actualisez-le ou vérifiez-le dans le Dashboard Stripe.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Canceling is not supported for {network} payments; capture it, then refund it.</source>
        <translation>Un paiement {network} ne peut pas être annulé; capturez-le, puis remboursez-le.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not captured: capture it first, then refund it.</source>
        <translation>Non capturé&#xa0;: capturez-le d’abord, puis remboursez-le.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not captured: cancel or capture it instead.</source>
        <translation>Non capturé&#xa0;: annulez-le ou capturez-le plutôt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{network} payments are captured at once; refund on a reader instead.</source>
        <translation>Un paiement {network} est capturé immédiatement; remboursez-le plutôt sur le lecteur.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Already captured: refund it instead.</source>
        <translation>Déjà capturé&#xa0;: remboursez-le plutôt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Already captured.</source>
        <translation>Déjà capturé.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interac payments cannot be refunded online; refund on a reader instead.</source>
        <translation>Un paiement Interac ne peut pas être remboursé en ligne; remboursez-le plutôt sur le lecteur.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only Interac payments are refunded on a reader; refund online instead.</source>
        <translation>Seuls les paiements Interac sont remboursés sur le lecteur; remboursez celui-ci plutôt en ligne.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Partial refunds need a manager&apos;s approval.</source>
        <translation>Un remboursement partiel doit être approuvé par un gérant.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No refund limit is set for {currency}: every refund needs a manager&apos;s approval.</source>
        <translation>Aucune limite de remboursement n’est fixée pour les montants en {currency}&#xa0;: chaque remboursement doit être approuvé par un gérant.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refunds over {limit} need a manager&apos;s approval.</source>
        <translation>Un remboursement de plus de {limit} doit être approuvé par un gérant.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{needs} No staff list is open on this till, so no manager can approve.</source>
        <translation>{needs} Aucune liste du personnel n’est ouverte sur cette caisse; aucun gérant ne peut donc approuver.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{name} is not a manager: a manager must do this.</source>
        <translation>{name} n’a pas le rôle de gérant&#xa0;: un gérant doit s’en charger.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This approval was given for another refund (another payment or amount). Nothing was sent; ask the manager to approve this one.</source>
        <translation>Cette approbation a été donnée pour un autre remboursement (un autre paiement ou un autre montant). Rien n’a été envoyé; demandez au gérant d’approuver celui-ci.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This approval is too old. Nothing was sent; ask the manager to approve again.</source>
        <translation>Cette approbation est trop ancienne. Rien n’a été envoyé; demandez au gérant d’approuver de nouveau.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This approval was already used, or was not given on this till. Nothing was sent; ask the manager to approve again.</source>
        <translation>Cette approbation a déjà été utilisée ou n’a pas été donnée sur cette caisse. Rien n’a été envoyé; demandez au gérant d’approuver de nouveau.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{name} is no longer a manager on this till. Nothing was sent; ask a manager to approve.</source>
        <translation>{name} n’a plus le rôle de gérant sur cette caisse. Rien n’a été envoyé; demandez à un gérant d’approuver.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Sign in first.</source>
        <translation>Ouvrez d’abord une session.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} is no longer on this till&apos;s staff list. Nothing was sent; sign in again.</source>
        <translation>{name} ne figure plus dans la liste du personnel de cette caisse. Rien n’a été envoyé; ouvrez une session de nouveau.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only a manager can read the audit journal.</source>
        <translation>Seul un gérant peut consulter le journal d’audit.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only a manager can close the day.</source>
        <translation>Seul un gérant peut clôturer la journée.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only a manager can change the settings.</source>
        <translation>Seul un gérant peut modifier les paramètres.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only a manager can manage staff.</source>
        <translation>Seul un gérant peut gérer le personnel.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backups are not made in training mode. Start the app with this till&apos;s Stripe key and sign in as a manager to back it up.</source>
        <translation>Aucune sauvegarde n’est faite en mode formation. Démarrez l’application avec la clé Stripe de cette caisse et ouvrez une session comme gérant pour la sauvegarder.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This till already has data of its own, and training mode cannot replace it. Start the app with this till&apos;s Stripe key and sign in as a manager to restore over it.</source>
        <translation>Cette caisse a déjà ses propres données, et le mode formation ne peut pas les remplacer. Démarrez l’application avec la clé Stripe de cette caisse et ouvrez une session comme gérant pour restaurer par-dessus.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Settings cannot be changed in a practice session started with --training. Start the app normally and sign in as a manager.</source>
        <translation>Les paramètres ne peuvent pas être modifiés en mode formation lancé avec --training. Démarrez l’application normalement et ouvrez une session comme gérant.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A PIN is {shortest} to {longest} digits (0–9), nothing else.</source>
        <translation>Un NIP compte de {shortest} à {longest} chiffres (0–9), rien d’autre.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The two PINs are not the same. Type the new PIN twice.</source>
        <translation>Les deux NIP ne sont pas identiques. Entrez le nouveau NIP deux fois.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type the person&apos;s name.</source>
        <translation>Entrez le nom de la personne.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A name has at most {longest} characters.</source>
        <translation>Un nom compte au plus {longest} caractères.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only a manager can change staff.</source>
        <translation>Seul un gérant peut modifier le personnel.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This person is no longer on the staff list.</source>
        <translation>Cette personne ne figure plus dans la liste du personnel.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The till needs at least one manager: {name} is the last one.</source>
        <translation>La caisse doit garder au moins un gérant, et il ne reste que {name}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You cannot change or remove yourself; ask another manager.</source>
        <translation>Vous ne pouvez pas vous modifier ni vous retirer vous-même; demandez à un autre gérant.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>There is already staff on this till: sign in.</source>
        <translation>Du personnel est déjà inscrit sur cette caisse&#xa0;: ouvrez une session.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Someone called {name} is already on the staff list; use another name.</source>
        <translation>Une personne nommée {name} figure déjà dans la liste du personnel; utilisez un autre nom.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The Stripe key in use is not allowed to do this. Ask the account owner to give the restricted key the missing permission.</source>
        <translation>La clé Stripe utilisée n’a pas le droit de faire ceci. Demandez au propriétaire du compte d’accorder l’autorisation manquante à la clé restreinte.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The Stripe key in use is not allowed to do this. Ask the account owner to give the restricted key the missing permission. Stripe said: {said}</source>
        <translation>La clé Stripe utilisée n’a pas le droit de faire ceci. Demandez au propriétaire du compte d’accorder l’autorisation manquante à la clé restreinte. Réponse de Stripe&#xa0;: {said}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The card was declined: {said}</source>
        <translation>La carte a été refusée&#xa0;: {said}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This payment was changed meanwhile (perhaps by another till), so this action no longer applies. Refresh and check it.</source>
        <translation>Ce paiement a été modifié entre-temps (peut-être par une autre caisse); cette action ne s’applique donc plus. Actualisez-le et vérifiez-le.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This payment was changed meanwhile (perhaps by another till), so this action no longer applies. Refresh and check it. Stripe said: {said}</source>
        <translation>Ce paiement a été modifié entre-temps (peut-être par une autre caisse); cette action ne s’applique donc plus. Actualisez-le et vérifiez-le. Réponse de Stripe&#xa0;: {said}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stripe did not accept the API key: it is wrong, expired or revoked. A manager can enter a new key in Settings.</source>
        <translation>Stripe n’a pas accepté la clé API&#xa0;: elle est erronée, expirée ou révoquée. Un gérant peut entrer une nouvelle clé dans les Paramètres.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stripe is receiving too many requests right now. Wait a few seconds and try again.</source>
        <translation>Stripe reçoit trop de demandes en ce moment. Attendez quelques secondes et réessayez.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot reach Stripe. Check the shop&apos;s internet connection; nothing was lost.</source>
        <translation>Impossible de joindre Stripe. Vérifiez la connexion Internet du commerce; rien n’a été perdu.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stripe holds a different request under this operation&apos;s key, so its outcome cannot be confirmed from here. It will be checked again; do not repeat it.</source>
        <translation>Stripe détient une autre demande sous la clé de cette opération; son résultat ne peut donc pas être confirmé d’ici. Elle sera vérifiée de nouveau; ne la refaites pas.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The card was declined: no reason given</source>
        <translation>La carte a été refusée&#xa0;: aucun motif donné</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Another request for this operation is still being processed by Stripe. Check again in a moment.</source>
        <translation>Une autre demande pour cette opération est encore en traitement chez Stripe. Vérifiez de nouveau dans un moment.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stripe&apos;s answer could not be read. The operation will be checked again before anything else is done.</source>
        <translation>La réponse de Stripe est illisible. L’opération sera vérifiée de nouveau avant toute autre action.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stripe had a temporary problem. The operation will be checked again before anything else is done; do not repeat it by hand.</source>
        <translation>Stripe a eu un problème temporaire. L’opération sera vérifiée de nouveau avant toute autre action; ne la refaites pas à la main.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stripe reported an error.</source>
        <translation>Stripe a signalé une erreur.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The reader is offline. Check that it is on and connected, or choose another reader.</source>
        <translation>Le lecteur est hors ligne. Vérifiez qu’il est allumé et connecté, ou choisissez un autre lecteur.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The reader is busy with another transaction. Wait for it to finish, or choose another reader.</source>
        <translation>Le lecteur est occupé par une autre transaction. Attendez qu’elle se termine ou choisissez un autre lecteur.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The reader did not answer in time. Check the reader, then check the status before trying again.</source>
        <translation>Le lecteur n’a pas répondu à temps. Vérifiez le lecteur, puis vérifiez l’état avant de réessayer.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This payment has already been fully refunded.</source>
        <translation>Ce paiement a déjà été entièrement remboursé.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The amount is more than what is left to refund on this payment. Refresh to see the current remainder.</source>
        <translation>Le montant dépasse ce qui reste à rembourser sur ce paiement. Actualisez pour voir le reste à rembourser.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stripe could not find it: {said}</source>
        <translation>Introuvable chez Stripe&#xa0;: {said}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stripe refused the request: {said}</source>
        <translation>Stripe a refusé la demande&#xa0;: {said}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stripe sent {what} we could not read ({detail}).</source>
        <translation>Stripe a envoyé {what} que l’application n’a pas pu lire ({detail}).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This reader was deleted.</source>
        <translation>Ce lecteur a été supprimé.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Sending the refund to {reader}…</source>
        <translation>Envoi du remboursement à {reader}…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stripe has not confirmed that the refund reached the reader yet. Still checking; do not start it again.</source>
        <translation>Stripe n’a pas encore confirmé que le remboursement est parvenu au lecteur. Vérification en cours; ne le relancez pas.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Waiting for the customer to present their card on the reader…</source>
        <translation>En attente de la carte du client sur le lecteur…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The reader is offline. Still checking; it may time out.</source>
        <translation>Le lecteur est hors ligne. Vérification en cours; le délai pourrait expirer.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connection problem ({problem}). Still following the reader…</source>
        <translation>Problème de connexion ({problem}). Suivi du lecteur en cours…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Processing…</source>
        <translation>Traitement en cours…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refunded. The customer&apos;s card has been credited.</source>
        <translation>Remboursé. La carte du client a été créditée.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refunded (checked with Stripe).</source>
        <translation>Remboursé (vérifié auprès de Stripe).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refunded (the reader moved on; checked with Stripe).</source>
        <translation>Remboursé (le lecteur est passé à une autre action; vérifié auprès de Stripe).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The reader has no action.</source>
        <translation>Le lecteur n’a aucune action en cours.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not refunded.</source>
        <translation>Non remboursé.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{reader} is offline. Choose another reader.</source>
        <translation>{reader} est hors ligne. Choisissez un autre lecteur.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{reader} is busy with another transaction.</source>
        <translation>{reader} est occupé par une autre transaction.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stripe has not confirmed that the refund reached the reader. It may still start on the reader: press Check status, or look at the reader; do not start it again.</source>
        <translation>Stripe n’a pas confirmé que le remboursement est parvenu au lecteur. Il pourrait encore démarrer sur le lecteur&#xa0;: appuyez sur «&#xa0;Vérifier l’état&#xa0;» ou regardez le lecteur; ne le relancez pas.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The reader moved on before this refund&apos;s outcome was seen, and Stripe cannot confirm it yet. Press Check status in a moment.</source>
        <translation>Le lecteur est passé à une autre action avant que le résultat de ce remboursement soit connu, et Stripe ne peut pas encore le confirmer. Appuyez sur «&#xa0;Vérifier l’état&#xa0;» dans un moment.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{reader} is busy with a transaction this till did not start; it was not canceled.</source>
        <translation>{reader} est occupé par une transaction que cette caisse n’a pas lancée; elle n’a pas été annulée.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The reader stopped reporting before the refund ended. Check the payment before trying again.</source>
        <translation>Le lecteur a cessé de répondre avant la fin du remboursement. Vérifiez le paiement avant de réessayer.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The card was declined</source>
        <translation>La carte a été refusée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The card has expired</source>
        <translation>La carte a expiré</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The card could not be processed</source>
        <translation>La carte n’a pas pu être traitée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This is not the card the payment was made with</source>
        <translation>Ce n’est pas la carte utilisée pour le paiement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The amount is more than what is left to refund on this payment</source>
        <translation>Le montant dépasse ce qui reste à rembourser sur ce paiement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This payment has already been fully refunded</source>
        <translation>Ce paiement a déjà été entièrement remboursé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The customer did not present a card in time</source>
        <translation>Le client n’a pas présenté de carte à temps</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The reader went offline</source>
        <translation>Le lecteur est passé hors ligne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The customer canceled on the reader</source>
        <translation>Le client a annulé sur le lecteur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The refund was canceled on the reader</source>
        <translation>Le remboursement a été annulé sur le lecteur</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The reader did not complete the refund</source>
        <translation>Le lecteur n’a pas terminé le remboursement</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>An earlier operation on this payment may still be carried out by Stripe: its request has not been confirmed yet. Nothing new was sent; try again in a minute.</source>
        <translation>Une opération précédente sur ce paiement pourrait encore être effectuée par Stripe&#xa0;: sa demande n’a pas encore été confirmée. Rien de nouveau n’a été envoyé; réessayez dans une minute.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This payment is already being processed at this till; wait for it to finish.</source>
        <translation>Ce paiement est déjà en traitement à cette caisse; attendez que ce soit terminé.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An earlier operation on this payment has just been confirmed as done by Stripe. Refresh the payment and check it; nothing new was sent.</source>
        <translation>Stripe vient de confirmer qu’une opération précédente sur ce paiement a été effectuée. Actualisez le paiement et vérifiez-le; rien de nouveau n’a été envoyé.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stripe did not confirm the operation. It will be checked again automatically; do not repeat it by hand.</source>
        <translation>Stripe n’a pas confirmé l’opération. Elle sera vérifiée de nouveau automatiquement; ne la refaites pas à la main.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not carried out: the till stopped before the request was sent; nothing changed.</source>
        <translation>Non effectué&#xa0;: la caisse s’est arrêtée avant l’envoi de la demande; rien n’a changé.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stripe has no refund from this operation.</source>
        <translation>Stripe n’a aucun remboursement issu de cette opération.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The reader action was left over and has been canceled; nothing was refunded.</source>
        <translation>L’action du lecteur était restée en suspens et a été annulée; rien n’a été remboursé.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not carried out.</source>
        <translation>Non effectué.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not carried out: the payment is {status}.</source>
        <translation>Non effectué&#xa0;: le paiement est {status}.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Enter a Stripe key.</source>
        <translation>Entrez une clé Stripe.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That is a publishable key (pk_…). The till needs a restricted key (rk_live_… or rk_test_…) or a secret key (sk_…).</source>
        <translation>C’est une clé publiable (pk_…). La caisse a besoin d’une clé restreinte (rk_live_… ou rk_test_…) ou d’une clé secrète (sk_…).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A Stripe key for the till starts with rk_live_, rk_test_, sk_live_ or sk_test_. Copy it again from the Stripe Dashboard.</source>
        <translation>Une clé Stripe pour la caisse commence par rk_live_, rk_test_, sk_live_ ou sk_test_. Copiez-la de nouveau depuis le Dashboard Stripe.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This is not a whole Stripe key: it is too short or has spaces or other characters in it. Copy it again from the Stripe Dashboard.</source>
        <translation>Ce n’est pas une clé Stripe complète&#xa0;: elle est trop courte ou contient des espaces ou d’autres caractères. Copiez-la de nouveau depuis le Dashboard Stripe.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A Connect account id looks like acct_1AbC2dEf3G: acct_ then letters and digits.</source>
        <translation>Un identifiant de compte Connect ressemble à acct_1AbC2dEf3G&#xa0;: acct_ suivi de lettres et de chiffres.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This restricted key may not {missing}. In the Stripe Dashboard, give it these permissions (or create a restricted key that has them), then try again. Nothing was saved.</source>
        <translation>Il manque à cette clé restreinte ces autorisations&#xa0;: {missing}. Dans le Dashboard Stripe, accordez-les-lui (ou créez une clé restreinte qui les a), puis réessayez. Rien n’a été enregistré.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The keychain library is missing, so the Stripe key cannot be kept.</source>
        <translation>La bibliothèque du trousseau est absente; la clé Stripe ne peut donc pas être conservée.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No keychain on this computer can keep a Stripe key safely, so none is saved here. Set up the system keychain (Windows Credential Manager, macOS Keychain, or a Secret Service such as GNOME Keyring), then try again.</source>
        <translation>Aucun trousseau de cet ordinateur ne peut conserver une clé Stripe en sécurité; aucune n’est donc enregistrée ici. Configurez le trousseau du système (Gestionnaire d’identification de Windows, Trousseau d’accès de macOS ou un Secret Service comme GNOME Keyring), puis réessayez.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The keychain could not be read. Unlock it, then try again.</source>
        <translation>Le trousseau n’a pas pu être lu. Déverrouillez-le, puis réessayez.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The keychain refused to keep the Stripe key, so it was not saved. Unlock the keychain or check its settings, then try again.</source>
        <translation>Le trousseau a refusé de conserver la clé Stripe; elle n’a donc pas été enregistrée. Déverrouillez le trousseau ou vérifiez ses paramètres, puis réessayez.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The keychain refused to remove the Stripe key. Unlock it, then try again.</source>
        <translation>Le trousseau a refusé de supprimer la clé Stripe. Déverrouillez-le, puis réessayez.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The keychain refused a test secret ({why}): unlock it, then try again.</source>
        <translation>Le trousseau a refusé un secret d’essai ({why})&#xa0;: déverrouillez-le, puis réessayez.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The keychain did not keep a test secret: it cannot hold a Stripe key.</source>
        <translation>Le trousseau n’a pas conservé un secret d’essai&#xa0;: il ne peut pas garder une clé Stripe.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The keychain library is missing: training mode.</source>
        <translation>La bibliothèque du trousseau est absente&#xa0;: mode formation.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No keychain on this computer can keep a Stripe key: training mode.</source>
        <translation>Aucun trousseau de cet ordinateur ne peut conserver une clé Stripe&#xa0;: mode formation.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The keychain could not be read: training mode.</source>
        <translation>Le trousseau n’a pas pu être lu&#xa0;: mode formation.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No Stripe key set up yet: training mode.</source>
        <translation>Aucune clé Stripe configurée pour l’instant&#xa0;: mode formation.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training mode (--training).</source>
        <translation>Mode formation (--training).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The journal does not verify, so the refund limits a manager set cannot be trusted: every refund needs a manager&apos;s approval until the journal has been looked at.</source>
        <translation>La vérification du journal a échoué; les limites de remboursement fixées par un gérant ne sont donc pas fiables&#xa0;: chaque remboursement doit être approuvé par un gérant jusqu’à ce que le journal ait été examiné.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The refund limits last set by a manager cannot be read from the journal: every refund needs a manager&apos;s approval until a manager sets them again in Settings.</source>
        <translation>Les dernières limites de remboursement fixées par un gérant ne peuvent pas être lues dans le journal&#xa0;: chaque remboursement doit être approuvé par un gérant jusqu’à ce qu’un gérant les fixe de nouveau dans les Paramètres.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The journal says {operation} was done, but Stripe holds no refund from it.</source>
        <translation>Selon le journal, {operation} a été effectuée, mais Stripe ne détient aucun remboursement qui en découle.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The journal says {operation} was not done, but Stripe holds refund {refund} from it.</source>
        <translation>Selon le journal, {operation} n’a pas été effectuée, mais Stripe détient le remboursement {refund} qui en découle.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stripe holds {count} refunds from {operation}.</source>
        <translation>Stripe détient {count} remboursements issus de {operation}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The journal says {operation}, but Stripe&apos;s refund {refund} is {refund_amount}.</source>
        <translation>Le journal indique {operation}, mais le remboursement {refund} chez Stripe est de {refund_amount}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The journal says {operation} was done, but the payment is {status} at Stripe.</source>
        <translation>Selon le journal, {operation} a été effectuée, mais le paiement est {status} chez Stripe.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The journal says {operation} was not done, but Stripe shows the payment captured by it.</source>
        <translation>Selon le journal, {operation} n’a pas été effectuée, mais Stripe montre le paiement comme capturé par celle-ci.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Who did or approved {operation} differs between the journal and Stripe.</source>
        <translation>La personne qui a effectué ou approuvé {operation} n’est pas la même dans le journal et chez Stripe.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The seal Stripe holds for {operation} does not match: the journal was changed after it was written.</source>
        <translation>Le sceau que Stripe détient pour {operation} ne correspond pas&#xa0;: le journal a été modifié après son écriture.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Entry {entry} was changed after it was written.</source>
        <translation>L’entrée {entry} a été modifiée après son écriture.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entries {first} and {second} were swapped.</source>
        <translation>Les entrées {first} et {second} ont été interverties.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entry {entry} was moved to position {position}.</source>
        <translation>L’entrée {entry} a été déplacée à la position {position}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entry {entry} is missing.</source>
        <translation>L’entrée {entry} est manquante.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entries {first} to {last} are missing.</source>
        <translation>Les entrées {first} à {last} sont manquantes.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entry {entry} begins an operation that was never recorded as pending.</source>
        <translation>L’entrée {entry} commence une opération qui n’a jamais été inscrite comme en attente.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Entry {entry} changes who or what its operation (begun in entry {first}) is about.</source>
        <translation>L’entrée {entry} change la personne ou l’objet de son opération (commencée à l’entrée {first}).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Entry {entry} changes an operation that was already closed.</source>
        <translation>L’entrée {entry} modifie une opération déjà fermée.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The record of the newest entry is missing.</source>
        <translation>L’enregistrement de la dernière entrée est manquant.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The newest entries were removed (expected {expected}, found {found}).</source>
        <translation>Les dernières entrées ont été supprimées ({expected} attendues, {found} trouvées).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Entries were added outside the journal (expected {expected}, found {found}).</source>
        <translation>Des entrées ont été ajoutées hors du journal ({expected} attendues, {found} trouvées).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The append-only protection of the journal was removed.</source>
        <translation>La protection en ajout seul du journal a été retirée.</translation>
    </message>
    <message>
        <location line="+255"/>
        <source>Restricted live key ending in {last4}</source>
        <translation>Clé restreinte en mode réel se terminant par {last4}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restricted test key ending in {last4}</source>
        <translation>Clé restreinte en mode test se terminant par {last4}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Secret live key ending in {last4}</source>
        <translation>Clé secrète en mode réel se terminant par {last4}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Secret test key ending in {last4}</source>
        <translation>Clé secrète en mode test se terminant par {last4}</translation>
    </message>
    <message>
        <location line="-241"/>
        <source>This till has no journal yet, so there is nothing to back up.</source>
        <translation>Cette caisse n’a pas encore de journal; il n’y a donc rien à sauvegarder.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This file is not a POS Refunds backup.</source>
        <translation>Ce fichier n’est pas une sauvegarde POS Refunds.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This backup was made by a newer version of POS Refunds. Install that version first, then restore.</source>
        <translation>Cette sauvegarde a été faite par une version plus récente de POS Refunds. Installez d’abord cette version, puis restaurez.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This backup is damaged or was changed after it was made ({detail} differs). Nothing was restored; use another copy.</source>
        <translation>Cette sauvegarde est endommagée ou a été modifiée après sa création ({detail} diffère). Rien n’a été restauré; utilisez une autre copie.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The audit journal in this backup does not verify: entries were changed or removed. Nothing was restored; use another copy, and tell your manager.</source>
        <translation>La vérification du journal d’audit de cette sauvegarde a échoué&#xa0;: des entrées ont été modifiées ou supprimées. Rien n’a été restauré; utilisez une autre copie et avisez votre gérant.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The staff list in this backup cannot be read. Nothing was restored.</source>
        <translation>La liste du personnel de cette sauvegarde est illisible. Rien n’a été restauré.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The backup could not be written ({detail}). Choose another folder, or check that the disk is not full.</source>
        <translation>La sauvegarde n’a pas pu être écrite ({detail}). Choisissez un autre dossier ou vérifiez que le disque n’est pas plein.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{file} could not be written to {folder}: {why}. Choose another folder, or check that the disk is not full.</source>
        <translation>{file} n’a pas pu être écrit dans {folder}&#xa0;: {why}. Choisissez un autre dossier ou vérifiez que le disque n’est pas plein.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{file} could not be written to {folder}. Choose another folder.</source>
        <translation>{file} n’a pas pu être écrit dans {folder}. Choisissez un autre dossier.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This payment was changed at another till or in the Stripe Dashboard: it is now {state}. Nothing was sent.</source>
        <translation>Ce paiement a été modifié à une autre caisse ou dans le Dashboard Stripe&#xa0;: il est maintenant {state}. Rien n’a été envoyé.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n of {total} authorizations were not captured:</source>
        <translation>
            <numerusform>%n autorisation sur {total} n’a pas été capturée&#xa0;:</numerusform>
            <numerusform>%n autorisations sur {total} n’ont pas été capturées&#xa0;:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n of {total} authorizations were not canceled:</source>
        <translation>
            <numerusform>%n autorisation sur {total} n’a pas été annulée&#xa0;:</numerusform>
            <numerusform>%n autorisations sur {total} n’ont pas été annulées&#xa0;:</numerusform>
        </translation>
    </message>
    <message>
        <location line="+35"/>
        <source>the online refund of {amount} on {payment}</source>
        <translation>l’opération de remboursement en ligne de {amount} du paiement {payment}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the online refund on {payment}</source>
        <translation>l’opération de remboursement en ligne du paiement {payment}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the refund on a reader of {amount} on {payment}</source>
        <translation>l’opération de remboursement sur le lecteur de {amount} du paiement {payment}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the refund on a reader on {payment}</source>
        <translation>l’opération de remboursement sur le lecteur du paiement {payment}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the cancel of {amount} on {payment}</source>
        <translation>l’opération d’annulation de {amount} du paiement {payment}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the cancel on {payment}</source>
        <translation>l’opération d’annulation du paiement {payment}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the capture of {amount} on {payment}</source>
        <translation>l’opération de capture de {amount} du paiement {payment}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the capture on {payment}</source>
        <translation>l’opération de capture du paiement {payment}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the settings change of {amount} on {payment}</source>
        <translation>l’opération de modification des paramètres ({amount}) du paiement {payment}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the settings change on {payment}</source>
        <translation>l’opération de modification des paramètres du paiement {payment}</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>read PaymentIntents, Charges and Refunds</source>
        <translation>PaymentIntents, Charges et Refunds (lecture)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>read Refunds</source>
        <translation>Refunds (lecture)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>read Events</source>
        <translation>Events (lecture)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>read Terminal readers</source>
        <translation>Terminal readers (lecture)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>read Terminal locations</source>
        <translation>Terminal locations (lecture)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>write Refunds</source>
        <translation>Refunds (écriture)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>write PaymentIntents</source>
        <translation>PaymentIntents (écriture)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>write Terminal readers</source>
        <translation>Terminal readers (écriture)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>a payment</source>
        <translation>un paiement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a refund</source>
        <translation>un remboursement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a reader</source>
        <translation>un lecteur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a reader action</source>
        <translation>une action du lecteur</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>captured</source>
        <translation>capturé</translation>
    </message>
    <message>
        <location line="-113"/>
        <source>The others were captured.</source>
        <translation>Les autres ont été capturées.</translation>
    </message>
    <message>
        <location line="+114"/>
        <source>canceled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <location line="-110"/>
        <source>The others were canceled.</source>
        <translation>Les autres ont été annulées.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This refund has not succeeded ({status}): there is no slip to give.</source>
        <translation>Ce remboursement n’a pas réussi ({status})&#xa0;: il n’y a pas de reçu à remettre.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This refund is not among the payment&apos;s refunds.</source>
        <translation>Ce remboursement ne fait pas partie des remboursements du paiement.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>POS Refunds is already open on this till. Use the window that is already open; nothing was changed.</source>
        <translation>POS Refunds est déjà ouvert sur cette caisse. Utilisez la fenêtre déjà ouverte; rien n’a été modifié.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>POS Refunds is already open on this till but is not answering. It may still be starting: wait a moment and look for its window. If it does not appear, tell your manager. Nothing was changed.</source>
        <translation>POS Refunds est déjà ouvert sur cette caisse, mais ne répond pas. Il est peut-être encore en train de démarrer&#xa0;: attendez un moment et cherchez sa fenêtre. Si elle n’apparaît pas, avisez votre gérant. Rien n’a été modifié.</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>authorized, waiting for capture</source>
        <translation>autorisé, en attente de capture</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>still processing</source>
        <translation>encore en traitement</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <location line="+1"/>
        <source>not paid</source>
        <translation>non payé</translation>
    </message>
    <message>
        <location line="-59"/>
        <source>the {kind} of {amount} on {payment}</source>
        <translation>l’opération «&#xa0;{kind}&#xa0;» de {amount} du paiement {payment}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the {kind} on {payment}</source>
        <translation>l’opération «&#xa0;{kind}&#xa0;» du paiement {payment}</translation>
    </message>
    <message>
        <location line="+139"/>
        <source>Cashier</source>
        <translation>Caissier</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Manager</source>
        <translation>Gérant</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Check the amount</source>
        <translation>Vérifiez le montant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stripe key not accepted</source>
        <translation>Clé Stripe refusée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Permission missing</source>
        <translation>Autorisation manquante</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No connection</source>
        <translation>Aucune connexion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stripe is busy</source>
        <translation>Stripe est surchargé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stripe had a problem</source>
        <translation>Stripe a eu un problème</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+14"/>
        <source>Outcome not known yet</source>
        <translation>Résultat encore inconnu</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Not carried out</source>
        <translation>Non effectué</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unexpected answer from Stripe</source>
        <translation>Réponse inattendue de Stripe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not found</source>
        <translation>Introuvable</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reader offline</source>
        <translation>Lecteur hors ligne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reader busy</source>
        <translation>Lecteur occupé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reader timed out</source>
        <translation>Délai du lecteur dépassé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount too large</source>
        <translation>Montant trop élevé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Already refunded</source>
        <translation>Déjà remboursé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment changed</source>
        <translation>Paiement modifié</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Card declined</source>
        <translation>Carte refusée</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+10"/>
        <source>Not possible</source>
        <translation>Impossible</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Manager approval needed</source>
        <translation>Approbation d’un gérant requise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request refused</source>
        <translation>Demande refusée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keychain unavailable</source>
        <translation>Trousseau indisponible</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Already open on this till</source>
        <translation>Déjà ouvert sur cette caisse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approval not valid</source>
        <translation>Approbation non valide</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No refund slip</source>
        <translation>Aucun reçu de remboursement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File not saved</source>
        <translation>Fichier non enregistré</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the PIN</source>
        <translation>Vérifiez le NIP</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Something went wrong</source>
        <translation>Un problème est survenu</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Changed elsewhere</source>
        <translation>Modifié ailleurs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not all captured</source>
        <translation>Pas toutes capturées</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not all canceled</source>
        <translation>Pas toutes annulées</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backup not made</source>
        <translation>Sauvegarde non faite</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Backup not restored</source>
        <translation>Sauvegarde non restaurée</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Unexpected error</source>
        <translation>Erreur inattendue</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Reference: {request_id}</source>
        <translation>Référence&#xa0;: {request_id}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Something unexpected happened. Nothing more was sent. Please try again; if it happens again, tell your manager.</source>
        <translation>Un problème inattendu est survenu. Rien de plus n’a été envoyé. Veuillez réessayer; si cela se reproduit, avisez votre gérant.</translation>
    </message>
    <message>
        <location filename="../ui/slip_words.py" line="+40"/>
        <source>TRAINING — NOT A REAL REFUND</source>
        <translation>FORMATION — PAS UN VRAI REMBOURSEMENT</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>REFUND</source>
        <translation>REMBOURSEMENT</translation>
    </message>
</context>
<context>
    <name>NetworkBadge</name>
    <message>
        <location filename="../ui/models/network_badge.py" line="+37"/>
        <source>CARD</source>
        <translation>CARTE</translation>
    </message>
</context>
<context>
    <name>PaymentSummary</name>
    <message>
        <location filename="../ui/dialogs/payment_summary.py" line="+32"/>
        <source>Payment:</source>
        <translation>Paiement&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Card:</source>
        <translation>Carte&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refunded so far:</source>
        <translation>Déjà remboursé&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Left to refund:</source>
        <translation>Reste à rembourser&#xa0;:</translation>
    </message>
</context>
<context>
    <name>PaymentsTableModel</name>
    <message>
        <location filename="../ui/models/payments_model.py" line="+33"/>
        <source>Authorized</source>
        <translation>Autorisé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Incomplete</source>
        <translation>Incomplet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Captured</source>
        <translation>Capturé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Partially refunded</source>
        <translation>Partiellement remboursé</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+86"/>
        <source>Refunded</source>
        <translation>Remboursé</translation>
    </message>
    <message>
        <location line="-85"/>
        <source>Processing</source>
        <translation>En traitement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Canceled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Unknown ({status})</source>
        <translation>Inconnu ({status})</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Network</source>
        <translation>Réseau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 4</source>
        <translation>Carte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reader</source>
        <translation>Lecteur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>{state} — Stripe status “{status}”</source>
        <translation>{state} — statut Stripe «&#xa0;{status}&#xa0;»</translation>
    </message>
</context>
<context>
    <name>PaymentsView</name>
    <message>
        <location filename="../ui/views/payments_view.py" line="+42"/>
        <source>Search amount, last 4 or payment id — or scan a receipt</source>
        <translation>Montant, 4 derniers chiffres ou identifiant du paiement — ou scannez un reçu</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Search payments</source>
        <translation>Rechercher des paiements</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Filter by state</source>
        <translation>Filtrer par état</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All states</source>
        <translation>Tous les états</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Filter by card network</source>
        <translation>Filtrer par réseau de carte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All networks</source>
        <translation>Tous les réseaux</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Search message</source>
        <translation>Message de recherche</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+3"/>
        <source>Loading payments</source>
        <translation>Chargement des paiements</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Payments</source>
        <translation>Paiements</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>Loading… %n payments</source>
        <translation>
            <numerusform>Chargement… %n paiement</numerusform>
            <numerusform>Chargement… %n paiements</numerusform>
        </translation>
    </message>
    <message>
        <location line="+46"/>
        <location line="+17"/>
        <source>No payment matches “{text}”.</source>
        <translation>Aucun paiement ne correspond à «&#xa0;{text}&#xa0;».</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Looking up {payment_id}…</source>
        <translation>Recherche de {payment_id}…</translation>
    </message>
</context>
<context>
    <name>PaymentsViewModel</name>
    <message>
        <location filename="../ui/viewmodels/payments_vm.py" line="+150"/>
        <source>No payment {payment_id} was found.</source>
        <translation>Aucun paiement {payment_id} n’a été trouvé.</translation>
    </message>
</context>
<context>
    <name>PinKeypad</name>
    <message>
        <location filename="../ui/views/pin_keypad.py" line="+28"/>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear the PIN</source>
        <translation>Effacer le NIP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the last digit</source>
        <translation>Supprimer le dernier chiffre</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>PIN keypad</source>
        <translation>Clavier du NIP</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Digit {digit}</source>
        <translation>Chiffre {digit}</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <location filename="../ui/views/pin_pad.py" line="+29"/>
        <source>Choose your name first.</source>
        <translation>Choisissez d’abord votre nom.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>PIN</source>
        <translation>NIP</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>PIN message</source>
        <translation>Message du NIP</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
</context>
<context>
    <name>Presenter</name>
    <message>
        <location filename="../ui/presenter.py" line="+30"/>
        <source>Reader offline — choose another reader</source>
        <translation>Lecteur hors ligne — choisissez un autre lecteur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reader busy — choose another reader, or wait and try again</source>
        <translation>Lecteur occupé — choisissez un autre lecteur, ou attendez et réessayez</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reader timed out — try again or choose another reader</source>
        <translation>Le lecteur n’a pas répondu à temps — réessayez ou choisissez un autre lecteur</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Payment of {amount} canceled.</source>
        <translation>Transaction de {amount} annulée.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Captured {amount}.</source>
        <translation>Paiement de {amount} capturé.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refunded {amount} to {card}.</source>
        <translation>Remboursement de {amount} effectué sur {card}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{person} added as {role}.</source>
        <comment>role: cashier or manager, in lower case</comment>
        <translation>{person} fait maintenant partie du personnel, avec le rôle de {role}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{person} is now {role}.</source>
        <comment>role: cashier or manager, in lower case</comment>
        <translation>{person} a maintenant le rôle de {role}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New PIN set for {person}.</source>
        <translation>Nouveau NIP défini pour {person}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{person} removed from the staff list.</source>
        <translation>{person} ne fait plus partie de la liste du personnel.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The refund of {amount} that was not confirmed earlier has now been confirmed as done.</source>
        <translation>Le remboursement de {amount}, qui n’avait pas été confirmé plus tôt, est maintenant confirmé comme effectué.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The refund of {amount} on the reader that was not confirmed earlier has now been confirmed as done.</source>
        <translation>Le remboursement de {amount} sur le lecteur, qui n’avait pas été confirmé plus tôt, est maintenant confirmé comme effectué.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The cancellation of {amount} that was not confirmed earlier has now been confirmed as done.</source>
        <translation>L’annulation de {amount}, qui n’avait pas été confirmée plus tôt, est maintenant confirmée comme effectuée.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The capture of {amount} that was not confirmed earlier has now been confirmed as done.</source>
        <translation>La capture de {amount}, qui n’avait pas été confirmée plus tôt, est maintenant confirmée comme effectuée.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The refund of the payment that was not confirmed earlier has now been confirmed as done.</source>
        <translation>Le remboursement du paiement, qui n’avait pas été confirmé plus tôt, est maintenant confirmé comme effectué.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The refund of the payment on the reader that was not confirmed earlier has now been confirmed as done.</source>
        <translation>Le remboursement du paiement sur le lecteur, qui n’avait pas été confirmé plus tôt, est maintenant confirmé comme effectué.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The cancellation of the payment that was not confirmed earlier has now been confirmed as done.</source>
        <translation>L’annulation du paiement, qui n’avait pas été confirmée plus tôt, est maintenant confirmée comme effectuée.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The capture of the payment that was not confirmed earlier has now been confirmed as done.</source>
        <translation>La capture du paiement, qui n’avait pas été confirmée plus tôt, est maintenant confirmée comme effectuée.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The refund of {amount} that was not confirmed earlier was not carried out{detail}. Nothing moved; it can be done again.</source>
        <translation>Le remboursement de {amount}, qui n’avait pas été confirmé plus tôt, n’a pas été effectué{detail}. Aucun argent n’a été déplacé; il peut être refait.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The refund of {amount} on the reader that was not confirmed earlier was not carried out{detail}. Nothing moved; it can be done again.</source>
        <translation>Le remboursement de {amount} sur le lecteur, qui n’avait pas été confirmé plus tôt, n’a pas été effectué{detail}. Aucun argent n’a été déplacé; il peut être refait.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The cancellation of {amount} that was not confirmed earlier was not carried out{detail}. Nothing moved; it can be done again.</source>
        <translation>L’annulation de {amount}, qui n’avait pas été confirmée plus tôt, n’a pas été effectuée{detail}. Aucun argent n’a été déplacé; elle peut être refaite.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The capture of {amount} that was not confirmed earlier was not carried out{detail}. Nothing moved; it can be done again.</source>
        <translation>La capture de {amount}, qui n’avait pas été confirmée plus tôt, n’a pas été effectuée{detail}. Aucun argent n’a été déplacé; elle peut être refaite.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The refund of the payment that was not confirmed earlier was not carried out{detail}. Nothing moved; it can be done again.</source>
        <translation>Le remboursement du paiement, qui n’avait pas été confirmé plus tôt, n’a pas été effectué{detail}. Aucun argent n’a été déplacé; il peut être refait.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The refund of the payment on the reader that was not confirmed earlier was not carried out{detail}. Nothing moved; it can be done again.</source>
        <translation>Le remboursement du paiement sur le lecteur, qui n’avait pas été confirmé plus tôt, n’a pas été effectué{detail}. Aucun argent n’a été déplacé; il peut être refait.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The cancellation of the payment that was not confirmed earlier was not carried out{detail}. Nothing moved; it can be done again.</source>
        <translation>L’annulation du paiement, qui n’avait pas été confirmée plus tôt, n’a pas été effectuée{detail}. Aucun argent n’a été déplacé; elle peut être refaite.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The capture of the payment that was not confirmed earlier was not carried out{detail}. Nothing moved; it can be done again.</source>
        <translation>La capture du paiement, qui n’avait pas été confirmée plus tôt, n’a pas été effectuée{detail}. Aucun argent n’a été déplacé; elle peut être refaite.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source> ({reason})</source>
        <comment>why an operation was not carried out, right after those words</comment>
        <translation> ({reason})</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The refund of {amount} was done: Stripe confirms it.</source>
        <translation>Le remboursement de {amount} a été effectué&#xa0;: Stripe le confirme.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The refund of {amount} on reader {reader} was done: Stripe confirms it.</source>
        <translation>Le remboursement de {amount} sur le lecteur {reader} a été effectué&#xa0;: Stripe le confirme.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The cancellation of {amount} was done: Stripe confirms it.</source>
        <translation>L’annulation de {amount} a été effectuée&#xa0;: Stripe la confirme.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The capture of {amount} was done: Stripe confirms it.</source>
        <translation>La capture de {amount} a été effectuée&#xa0;: Stripe la confirme.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The refund of the payment was done: Stripe confirms it.</source>
        <translation>Le remboursement du paiement a été effectué&#xa0;: Stripe le confirme.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The refund of the payment on reader {reader} was done: Stripe confirms it.</source>
        <translation>Le remboursement du paiement sur le lecteur {reader} a été effectué&#xa0;: Stripe le confirme.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The cancellation of the payment was done: Stripe confirms it.</source>
        <translation>L’annulation du paiement a été effectuée&#xa0;: Stripe la confirme.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The capture of the payment was done: Stripe confirms it.</source>
        <translation>La capture du paiement a été effectuée&#xa0;: Stripe la confirme.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The refund of {amount} was not carried out.{detail} Nothing was refunded; it can be done again.</source>
        <translation>Le remboursement de {amount} n’a pas été effectué.{detail} Rien n’a été remboursé; il peut être refait.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The refund of {amount} on reader {reader} was not carried out.{detail} Nothing was refunded; it can be done again.</source>
        <translation>Le remboursement de {amount} sur le lecteur {reader} n’a pas été effectué.{detail} Rien n’a été remboursé; il peut être refait.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The cancellation of {amount} was not carried out.{detail} Nothing changed; it can be done again.</source>
        <translation>L’annulation de {amount} n’a pas été effectuée.{detail} Rien n’a changé; elle peut être refaite.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The capture of {amount} was not carried out.{detail} Nothing changed; it can be done again.</source>
        <translation>La capture de {amount} n’a pas été effectuée.{detail} Rien n’a changé; elle peut être refaite.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The refund of the payment was not carried out.{detail} Nothing was refunded; it can be done again.</source>
        <translation>Le remboursement du paiement n’a pas été effectué.{detail} Rien n’a été remboursé; il peut être refait.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The refund of the payment on reader {reader} was not carried out.{detail} Nothing was refunded; it can be done again.</source>
        <translation>Le remboursement du paiement sur le lecteur {reader} n’a pas été effectué.{detail} Rien n’a été remboursé; il peut être refait.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The cancellation of the payment was not carried out.{detail} Nothing changed; it can be done again.</source>
        <translation>L’annulation du paiement n’a pas été effectuée.{detail} Rien n’a changé; elle peut être refaite.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The capture of the payment was not carried out.{detail} Nothing changed; it can be done again.</source>
        <translation>La capture du paiement n’a pas été effectuée.{detail} Rien n’a changé; elle peut être refaite.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>a reader</source>
        <comment>in place of a reader&apos;s name nobody knows</comment>
        <translation>inconnu</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>POS Refunds was closed while these were under way; they have been checked with Stripe:</source>
        <translation>POS Refunds a été fermé pendant que ces opérations étaient en cours; elles ont été vérifiées auprès de Stripe&#xa0;:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{title}: {message}</source>
        <comment>an error&apos;s title, then its words</comment>
        <translation>{title}&#xa0;: {message}</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../ui/printing.py" line="+83"/>
        <source>Receipt {width} mm</source>
        <comment>a page size: a till roll</comment>
        <translation>Reçu {width} mm</translation>
    </message>
</context>
<context>
    <name>Prompts</name>
    <message>
        <location filename="../ui/prompts.py" line="+113"/>
        <source>Go back</source>
        <comment>leave without doing it</comment>
        <translation>Retour</translation>
    </message>
</context>
<context>
    <name>ReaderActionsPanel</name>
    <message>
        <location filename="../ui/views/reader_actions.py" line="+24"/>
        <source>Interac test card (the right card)</source>
        <translation>Carte de test Interac (la bonne carte)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Another card (Visa: the wrong card)</source>
        <translation>Une autre carte (Visa&#xa0;: la mauvaise carte)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A card that declines</source>
        <translation>Une carte refusée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The refund has ended.</source>
        <translation>Le remboursement est terminé.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No refund sent yet.</source>
        <translation>Aucun remboursement envoyé pour l’instant.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Canceling on the reader…</source>
        <translation>Annulation sur le lecteur…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Presenting the card…</source>
        <translation>Présentation de la carte…</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Available once the reader has the refund.</source>
        <translation>Disponible dès que le lecteur a reçu le remboursement.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The reader is not asking for a card yet.</source>
        <translation>Le lecteur ne demande pas encore de carte.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The card is being processed; it can no longer be canceled.</source>
        <translation>La carte est en traitement; le remboursement ne peut plus être annulé.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The card has already been read.</source>
        <translation>La carte a déjà été lue.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The refund is being canceled.</source>
        <translation>Le remboursement est en cours d’annulation.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Cancel on reader</source>
        <translation>Annuler sur le lecteur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check status</source>
        <translation>Vérifier l’état</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Simulate card tap</source>
        <translation>Simuler un passage de carte</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Card to present</source>
        <translation>Carte à présenter</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Simulated reader: present a test card</source>
        <translation>Lecteur simulé&#xa0;: présentez une carte de test</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Why not available</source>
        <translation>Pourquoi ce n’est pas disponible</translation>
    </message>
</context>
<context>
    <name>ReaderPicker</name>
    <message>
        <location filename="../ui/dialogs/reader_picker.py" line="+35"/>
        <source>Readers</source>
        <translation>Lecteurs</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Reader</source>
        <translation>&amp;Lecteur</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+38"/>
        <source>Refresh readers</source>
        <translation>Actualiser les lecteurs</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Loading readers…</source>
        <translation>Chargement des lecteurs…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>No readers found for this account.</source>
        <translation>Aucun lecteur trouvé pour ce compte.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No reader can take this refund now (offline or busy).</source>
        <translation>Aucun lecteur ne peut traiter ce remboursement pour l’instant (hors ligne ou occupé).</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>{usable} of %n readers available.</source>
        <translation>
            <numerusform>{usable} sur %n lecteur disponible.</numerusform>
            <numerusform>{usable} sur %n lecteurs disponibles.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReaderProgressView</name>
    <message>
        <location filename="../ui/views/reader_progress.py" line="+31"/>
        <source>Sending to the reader…</source>
        <translation>Envoi au lecteur…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent to reader</source>
        <translation>Envoyé au lecteur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waiting for the customer&apos;s card…</source>
        <translation>En attente de la carte du client…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting for the customer&apos;s card</source>
        <translation>En attente de la carte du client</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Processing…</source>
        <translation>Traitement en cours…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Processing</source>
        <translation>En traitement</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Refund progress on the reader</source>
        <translation>Progression du remboursement sur le lecteur</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Time elapsed</source>
        <translation>Temps écoulé</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+87"/>
        <location line="+66"/>
        <source>Refunded</source>
        <translation>Remboursé</translation>
    </message>
    <message>
        <location line="-150"/>
        <source>Reader status</source>
        <translation>État du lecteur</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>&lt;b&gt;{amount}&lt;/b&gt; on &lt;b&gt;{reader}&lt;/b&gt; · {model}</source>
        <translation>&lt;b&gt;{amount}&lt;/b&gt; sur &lt;b&gt;{reader}&lt;/b&gt; · {model}</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Not refunded</source>
        <translation>Non remboursé</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Canceled on the reader</source>
        <translation>Annulé sur le lecteur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refund canceled on the reader. Nothing was refunded.</source>
        <translation>Remboursement annulé sur le lecteur. Rien n’a été remboursé.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Failed: {reason}</source>
        <translation>Échec&#xa0;: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refund failed: {reason}</source>
        <translation>Échec du remboursement&#xa0;: {reason}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Refund of the amount completed. Refund {refund_id}</source>
        <translation>Remboursement du montant effectué. Remboursement {refund_id}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refund of the amount completed.</source>
        <translation>Remboursement du montant effectué.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refund of {amount} completed. Refund {refund_id}</source>
        <translation>Remboursement de {amount} effectué. Remboursement {refund_id}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refund of {amount} completed.</source>
        <translation>Remboursement de {amount} effectué.</translation>
    </message>
</context>
<context>
    <name>ReaderRefundDialog</name>
    <message>
        <location filename="../ui/dialogs/reader_refund_dialog.py" line="+82"/>
        <source>Refund on a reader</source>
        <translation>Rembourser sur le lecteur</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Interac refund on a reader</source>
        <translation>Remboursement Interac sur le lecteur</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Cancel the refund on the reader?</source>
        <translation>Annuler le remboursement sur le lecteur?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The reader is still waiting for the customer&apos;s card. Cancel the refund on the reader and close? The window closes when the reader confirms.</source>
        <translation>Le lecteur attend encore la carte du client. Annuler le remboursement sur le lecteur et fermer? La fenêtre se ferme quand le lecteur le confirme.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel refund and close</source>
        <translation>Annuler le remboursement et fermer</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The reader is still working</source>
        <translation>Le lecteur n’a pas encore terminé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The refund can no longer be canceled. Close this window when the reader has finished?</source>
        <translation>Le remboursement ne peut plus être annulé. Fermer cette fenêtre quand le lecteur aura terminé?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close when finished</source>
        <translation>Fermer à la fin</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>This window closes when the reader has finished.</source>
        <translation>Cette fenêtre se fermera quand le lecteur aura terminé.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Back to readers</source>
        <translation>Retour aux lecteurs</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Refund canceled.</source>
        <translation>Remboursement annulé.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refund not completed.</source>
        <translation>Remboursement non effectué.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The reader reports: {state} Confirming…</source>
        <translation>Le lecteur indique&#xa0;: {state} Confirmation en cours…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Checked just now — {state}</source>
        <translation>Vérifié à l’instant — {state}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The reader is still working: {state}</source>
        <translation>Le lecteur n’a pas encore terminé&#xa0;: {state}</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Wait until the reader has finished.</source>
        <translation>Attendez que le lecteur ait terminé.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The refund is done.</source>
        <translation>Le remboursement est effectué.</translation>
    </message>
</context>
<context>
    <name>ReaderRefundSetup</name>
    <message>
        <location filename="../ui/dialogs/reader_refund_setup.py" line="+34"/>
        <source>Why not available</source>
        <translation>Pourquoi ce n’est pas disponible</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Customer may cancel on the reader</source>
        <translation>Le client peut annuler sur le lecteur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Options</source>
        <translation>Options</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Refund the application fee</source>
        <translation>Rembourser les frais de plateforme</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reverse the transfer</source>
        <translation>Annuler le transfert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start refund on reader</source>
        <translation>Lancer le remboursement sur le lecteur</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Loading readers…</source>
        <translation>Chargement des lecteurs…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a reader first.</source>
        <translation>Choisissez d’abord un lecteur.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No reader can take this refund now: refresh when one is free.</source>
        <translation>Aucun lecteur ne peut traiter ce remboursement pour l’instant&#xa0;: actualisez quand un lecteur sera libre.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter a valid amount first.</source>
        <translation>Entrez d’abord un montant valide.</translation>
    </message>
</context>
<context>
    <name>ReaderSlipOffer</name>
    <message>
        <location filename="../ui/dialogs/reader_slip.py" line="+75"/>
        <source>Printing on {printer}…</source>
        <translation>Impression sur {printer}…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Slip saved: {path}</source>
        <translation>Reçu enregistré&#xa0;: {path}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No slip: {reason}</source>
        <translation>Aucun reçu&#xa0;: {reason}</translation>
    </message>
</context>
<context>
    <name>ReadersTableModel</name>
    <message>
        <location filename="../ui/models/readers_model.py" line="+30"/>
        <source>Offline — check the reader&apos;s power and network</source>
        <translation>Hors ligne — vérifiez l’alimentation et le réseau du lecteur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Busy — finishing another action</source>
        <translation>Occupé — termine une autre action</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Online — {model} cannot take in-person refunds</source>
        <translation>En ligne — {model} ne peut pas faire de remboursements en personne</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Online</source>
        <comment>reader status</comment>
        <translation>En ligne</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Reader</source>
        <translation>Lecteur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Location</source>
        <translation>Emplacement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last seen</source>
        <translation>Dernière activité</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>État</translation>
    </message>
</context>
<context>
    <name>ReceiptPrinterBox</name>
    <message>
        <location filename="../ui/views/receipt_printer_box.py" line="+34"/>
        <source>Network (ESC/POS)</source>
        <translation>Réseau (ESC/POS)</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+3"/>
        <source>Receipt printer</source>
        <translation>Imprimante de reçus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No receipt printer</source>
        <translation>Aucune imprimante de reçus</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Network printer&apos;s address</source>
        <translation>Adresse de l’imprimante réseau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>192.168.1.50 or printer.local</source>
        <translation>192.168.1.50 ou printer.local</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Network printer&apos;s port</source>
        <translation>Port de l’imprimante réseau</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Port </source>
        <comment>before the port number</comment>
        <translation>Port </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Paper width</source>
        <translation>Largeur du papier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>80 mm paper</source>
        <translation>Papier de 80 mm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>58 mm paper</source>
        <translation>Papier de 58 mm</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Print a slip after every refund</source>
        <translation>Imprimer un reçu après chaque remboursement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print test slip</source>
        <translation>Imprimer un reçu d’essai</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print a test slip on the receipt printer</source>
        <translation>Imprimer un reçu d’essai sur l’imprimante de reçus</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Receipt printer status</source>
        <translation>État de l’imprimante de reçus</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Printer</source>
        <translation>Im&amp;primante</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A&amp;ddress</source>
        <translation>A&amp;dresse</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>{printer} (not found)</source>
        <translation>{printer} (introuvable)</translation>
    </message>
</context>
<context>
    <name>RefundCardDelegate</name>
    <message>
        <location filename="../ui/views/refund_history.py" line="+165"/>
        <source>By {who}</source>
        <translation>Par {who}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By: not recorded (made outside this app)</source>
        <translation>Par&#xa0;: non enregistré (fait hors de cette application)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason: {reason}</source>
        <translation>Motif&#xa0;: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason: none given</source>
        <translation>Motif&#xa0;: non indiqué</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Why it failed: {failure}</source>
        <translation>Cause de l’échec&#xa0;: {failure}</translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <location filename="../ui/dialogs/refund_dialog.py" line="+37"/>
        <source>No reason given</source>
        <translation>Aucun motif indiqué</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer asked</source>
        <translation>Demandé par le client</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duplicate</source>
        <translation>Paiement en double</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fraudulent</source>
        <translation>Frauduleux</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Refund payment</source>
        <translation>Rembourser le paiement</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refund online</source>
        <translation>Rembourser en ligne</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Reason</source>
        <translation>Moti&amp;f</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional: why, receipt number…</source>
        <translation>Facultatif&#xa0;: pourquoi, numéro de reçu…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Note</source>
        <translation>&amp;Note</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Refund status</source>
        <translation>État du remboursement</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+90"/>
        <source>Refund</source>
        <comment>the button</comment>
        <translation>Rembourser</translation>
    </message>
    <message>
        <location line="-34"/>
        <location line="+29"/>
        <source>Refunding…</source>
        <translation>Remboursement en cours…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Refund {amount}</source>
        <comment>the button</comment>
        <translation>Rembourser {amount}</translation>
    </message>
</context>
<context>
    <name>RefundHistory</name>
    <message>
        <location filename="../ui/views/refund_history.py" line="-113"/>
        <source>Customer asked</source>
        <translation>Demandé par le client</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duplicate</source>
        <translation>Paiement en double</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fraudulent</source>
        <translation>Frauduleux</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Authorization expired</source>
        <translation>Autorisation expirée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{who} (approved by {approver})</source>
        <translation>{who} (approuvé par {approver})</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Succeeded</source>
        <translation>Réussi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Requires action</source>
        <translation>Action requise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>Échoué</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Canceled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>lost or stolen card</source>
        <translation>carte perdue ou volée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expired or canceled card</source>
        <translation>carte expirée ou annulée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>charge for pending refund disputed</source>
        <translation>paiement mis en litige pendant le remboursement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>insufficient funds</source>
        <translation>fonds insuffisants</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>declined</source>
        <translation>refusé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>merchant request</source>
        <translation>demande du commerçant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown</source>
        <translation>raison inconnue</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{status} ({failure})</source>
        <translation>{status} ({failure})</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{amount} {status}, {time}, by {who}, reason: {reason}</source>
        <translation>{amount} {status}, {time}, par {who}, motif&#xa0;: {reason}</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>Refunds of this payment</source>
        <translation>Remboursements de ce paiement</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Slip…</source>
        <translation>Reçu…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refund slip for {amount} ({refund_id})</source>
        <translation>Reçu de remboursement pour {amount} ({refund_id})</translation>
    </message>
</context>
<context>
    <name>RefundOnlineFlow</name>
    <message>
        <location filename="../ui/flows/money.py" line="+30"/>
        <source>Refund real money?</source>
        <translation>Rembourser de l’argent réel?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refund {amount} to {card}?</source>
        <translation>Rembourser {amount} sur {card}?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refund {amount}</source>
        <comment>a button</comment>
        <translation>Rembourser {amount}</translation>
    </message>
</context>
<context>
    <name>RefundSlip</name>
    <message>
        <location filename="../self_test.py" line="+160"/>
        <location filename="../ui/slip_words.py" line="+6"/>
        <source>Card</source>
        <translation>Carte</translation>
    </message>
    <message>
        <location filename="../ui/slip_words.py" line="+3"/>
        <source>Original payment</source>
        <translation>Paiement initial</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Paid on</source>
        <translation>Payé le</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Payment</source>
        <translation>Paiement</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fully refunded</source>
        <translation>Entièrement remboursé</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refunded</source>
        <comment>how the refund was made</comment>
        <translation>Remboursé</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>in person on {reader}</source>
        <translation>en personne sur {reader}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in person, card on a reader</source>
        <translation>en personne, carte sur un lecteur</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refund</source>
        <comment>the refund&apos;s id</comment>
        <translation>Remboursement</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Served by</source>
        <translation>Servi par</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Customer signature</source>
        <translation>Signature du client</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep this slip for your records.</source>
        <translation>Conservez ce reçu pour vos dossiers.</translation>
    </message>
</context>
<context>
    <name>RefundSlipDialog</name>
    <message>
        <location filename="../ui/dialogs/refund_slip_dialog.py" line="+43"/>
        <source>Refund slip</source>
        <translation>Reçu de remboursement</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The refund slip as it will be printed</source>
        <translation>Le reçu de remboursement tel qu’il sera imprimé</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Language of the slip</source>
        <translation>Langue du reçu</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Slip &amp;language</source>
        <translation>&amp;Langue du reçu</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close the refund slip</source>
        <translation>Fermer le reçu de remboursement</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Printing on {printer}…</source>
        <translation>Impression sur {printer}…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Slip saved: {path}</source>
        <translation>Reçu enregistré&#xa0;: {path}</translation>
    </message>
</context>
<context>
    <name>SelfTest</name>
    <message>
        <location filename="../self_test.py" line="-109"/>
        <source>the training data has no payment to try this on</source>
        <translation>les données de formation n’ont aucun paiement pour faire cet essai</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the refund did not land exactly once</source>
        <translation>le remboursement n’a pas été enregistré exactement une fois</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>refunded {amount} once</source>
        <translation>remboursement de {amount} effectué une fois</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>no progress from the reader</source>
        <translation>aucune progression signalée par le lecteur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interac refund {refund} on {reader}</source>
        <translation>remboursement Interac {refund} sur {reader}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>an operation is not closed</source>
        <translation>une opération n’est pas fermée</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n entries, chain intact</source>
        <translation>
            <numerusform>%n entrée, chaîne intacte</numerusform>
            <numerusform>%n entrées, chaîne intacte</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{text} ({why})</source>
        <comment>an error&apos;s words, then why</comment>
        <translation>{text} ({why})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{backend}: {text}</source>
        <comment>a keychain&apos;s name, then what it said</comment>
        <translation>{backend}&#xa0;: {text}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{folder} does not exist yet (a new till)</source>
        <translation>{folder} n’existe pas encore (nouvelle caisse)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{folder} cannot be written by this user</source>
        <translation>{folder} n’est pas accessible en écriture pour cet utilisateur</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the journal in {folder} does not verify: {problems}</source>
        <translation>la vérification du journal de {folder} a échoué&#xa0;: {problems}</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>journal %n entries, chain intact</source>
        <translation>
            <numerusform>journal&#xa0;: %n entrée, chaîne intacte</numerusform>
            <numerusform>journal&#xa0;: %n entrées, chaîne intacte</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no journal yet</source>
        <translation>aucun journal pour l’instant</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n staff</source>
        <comment>people on the staff list</comment>
        <translation>
            <numerusform>%n membre du personnel</numerusform>
            <numerusform>%n membres du personnel</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no staff list yet</source>
        <translation>aucune liste du personnel pour l’instant</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a restored backup waits for the next start</source>
        <translation>une sauvegarde restaurée attend le prochain démarrage</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>missing: {names}</source>
        <translation>manquantes&#xa0;: {names}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the French catalogue does not answer</source>
        <translation>le catalogue français ne répond pas</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Qt cannot sort French words (ICU&apos;s data)</source>
        <translation>Qt ne sait pas trier les mots français (données d’ICU)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>English and French (Canada); {amount}</source>
        <translation>anglais et français (Canada); {amount}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>no printer is installed: refund slips can only be saved as PDF</source>
        <translation>aucune imprimante n’est installée&#xa0;: les reçus de remboursement peuvent seulement être enregistrés en PDF</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n installed, default {default}</source>
        <comment>printers</comment>
        <translation>
            <numerusform>%n installée, par défaut&#xa0;: {default}</numerusform>
            <numerusform>%n installées, par défaut&#xa0;: {default}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n installed</source>
        <comment>printers</comment>
        <translation>
            <numerusform>%n installée</numerusform>
            <numerusform>%n installées</numerusform>
        </translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+101"/>
        <source>training sandbox over the SDK</source>
        <translation>environnement de formation par le SDK</translation>
    </message>
    <message>
        <location line="-100"/>
        <source>{account} in {ms} ms</source>
        <translation>{account} en {ms} ms</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>refund online, journaled</source>
        <translation>remboursement en ligne, consigné au journal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>refund on a simulated reader</source>
        <translation>remboursement sur un lecteur simulé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>journal</source>
        <comment>the check of the audit journal</comment>
        <translation>journal</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Qt {platform} drew {width}×{height} px</source>
        <translation>Qt {platform} a dessiné {width}×{height} px</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>PASS</source>
        <comment>a check&apos;s status</comment>
        <translation>RÉUSSI</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FAIL</source>
        <comment>a check&apos;s status</comment>
        <translation>ÉCHEC</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{status}  {check}: {detail}</source>
        <comment>one line of the report</comment>
        <translation>{status}  {check}&#xa0;: {detail}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>WARN</source>
        <comment>a check&apos;s status</comment>
        <translation>AVIS</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>POS Refunds {version} self-test, {time} UTC</source>
        <translation>Autotest de POS Refunds {version}, {time} UTC</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>on {platform}, Python {python}, installed build at {folder}</source>
        <translation>sur {platform}, Python {python}, version installée dans {folder}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>on {platform}, Python {python}, from source at {folder}</source>
        <translation>sur {platform}, Python {python}, à partir des sources dans {folder}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Stripe SDK</source>
        <translation>SDK Stripe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>keychain</source>
        <translation>trousseau de clés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>data folder (read only)</source>
        <translation>dossier des données (lecture seule)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>translations</source>
        <translation>traductions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>printer</source>
        <translation>imprimante</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>window</source>
        <comment>Qt can draw a window</comment>
        <translation>fenêtre</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+3"/>
        <source>Stripe reachable over TLS</source>
        <translation>Stripe joignable par TLS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not checked (add --online)</source>
        <translation>non vérifié (ajoutez --online)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SKIP</source>
        <comment>a check&apos;s status</comment>
        <translation>IGNORÉ</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>self-test FAILED ({count}) in {seconds} s</source>
        <translation>autotest ÉCHOUÉ ({count}) en {seconds} s</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>self-test passed with %n warnings in {seconds} s</source>
        <translation>
            <numerusform>autotest réussi avec %n avertissement en {seconds} s</numerusform>
            <numerusform>autotest réussi avec %n avertissements en {seconds} s</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>self-test passed in {seconds} s</source>
        <translation>autotest réussi en {seconds} s</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>report written to {path}</source>
        <translation>rapport écrit dans {path}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>report not written to {path}: {why}</source>
        <translation>rapport non écrit dans {path}&#xa0;: {why}</translation>
    </message>
</context>
<context>
    <name>SelfTestReport</name>
    <message>
        <location filename="../ui/dialogs/self_test_report.py" line="+16"/>
        <source>POS Refunds self-test</source>
        <translation>Autotest de POS Refunds</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;Self-test passed&lt;/b&gt;</source>
        <translation>&lt;b&gt;Autotest réussi&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Self-test FAILED&lt;/b&gt;</source>
        <translation>&lt;b&gt;Autotest ÉCHOUÉ&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Self-test report</source>
        <translation>Rapport d’autotest</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This report is saved in {path}</source>
        <translation>Ce rapport est enregistré dans {path}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../ui/settings.py" line="+75"/>
        <source>The settings file holds values for the refund limits that were not set in this app. They are not used: the values a manager last set in Settings stay in force.</source>
        <translation>Le fichier de paramètres contient des valeurs pour les limites de remboursement qui n’ont pas été réglées dans l’application. Elles ne sont pas utilisées&#xa0;: les valeurs réglées en dernier par un gérant dans Paramètres restent en vigueur.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The settings file holds values for the idle lock that were not set in this app. They are not used: the values a manager last set in Settings stay in force.</source>
        <translation>Le fichier de paramètres contient des valeurs pour le verrouillage après inactivité qui n’ont pas été réglées dans l’application. Elles ne sont pas utilisées&#xa0;: les valeurs réglées en dernier par un gérant dans Paramètres restent en vigueur.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The settings file holds values for the refund limits and the idle lock that were not set in this app. They are not used: the values a manager last set in Settings stay in force.</source>
        <translation>Le fichier de paramètres contient des valeurs pour les limites de remboursement et le verrouillage après inactivité qui n’ont pas été réglées dans l’application. Elles ne sont pas utilisées&#xa0;: les valeurs réglées en dernier par un gérant dans Paramètres restent en vigueur.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../ui/dialogs/settings_dialog.py" line="+50"/>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All locations</source>
        <translation>Tous les emplacements</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This is a LIVE key: with it, refunds and cancellations made on this till move real money. Check it with Stripe and keep it in the keychain?</source>
        <translation>Cette clé est une clé en MODE RÉEL&#xa0;: avec elle, les remboursements et les annulations faits à cette caisse déplacent de l’argent réel. La vérifier auprès de Stripe et la conserver dans le trousseau de clés?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The key is removed from this computer&apos;s keychain. The app starts in training mode next time, until a new key is entered.</source>
        <translation>La clé est retirée du trousseau de clés de cet ordinateur. Au prochain démarrage, l’application s’ouvrira en mode formation, jusqu’à ce qu’une nouvelle clé soit entrée.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Slips print here without a dialog: from a slip&apos;s &quot;Print on receipt printer&quot;, and after every refund when that is ticked. A printer installed on this computer prints through its driver; a network receipt printer without one is reached directly (ESC/POS, port 9100 on most). Print a test slip to check the address and the paper width before saving.</source>
        <translation>Les reçus s’impriment ici sans boîte de dialogue&#xa0;: à partir du bouton «&#xa0;Imprimer sur l’imprimante de reçus&#xa0;» d’un reçu, et après chaque remboursement si cette case est cochée. Une imprimante installée sur cet ordinateur imprime au moyen de son pilote; une imprimante de reçus réseau sans pilote est jointe directement (ESC/POS, port 9100 sur la plupart). Imprimez un reçu d’essai pour vérifier l’adresse et la largeur du papier avant d’enregistrer.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The settings are saved. The screens speak the language chosen from the next start; restarting now closes the window and opens it again in that language. Anything a reader was doing is checked again on opening.</source>
        <translation>Les paramètres sont enregistrés. Les écrans s’affichent dans la langue choisie dès le prochain démarrage; redémarrer maintenant ferme la fenêtre et la rouvre dans cette langue. Ce qu’un lecteur était en train de faire est vérifié de nouveau à l’ouverture.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The window closes and opens again with the key now stored. Anything a reader was doing is checked again on opening.</source>
        <translation>La fenêtre se ferme et se rouvre avec la clé maintenant conservée. Tout ce qu’un lecteur était en train de faire est vérifié de nouveau à l’ouverture.</translation>
    </message>
    <message>
        <location line="+31"/>
        <location line="+3"/>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Location</source>
        <translation>Emplacement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Location note</source>
        <translation>Note sur l’emplacement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reading this account&apos;s locations…</source>
        <translation>Lecture des emplacements de ce compte…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Why settings were not saved</source>
        <translation>Pourquoi les paramètres n’ont pas été enregistrés</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>This till</source>
        <translation>Cette caisse</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Location: payments and readers of</source>
        <translation>Emp&amp;lacement&#xa0;: paiements et lecteurs de</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lan&amp;guage</source>
        <translation>Lan&amp;gue</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>When the language applies</source>
        <translation>Quand la langue s’applique</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The language applies from the next start: the screens, the amounts and the dates.</source>
        <translation>La langue s’applique dès le prochain démarrage&#xa0;: les écrans, les montants et les dates.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Refund limits</source>
        <translation>Limites de remboursement</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>About refund limits</source>
        <translation>À propos des limites de remboursement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A refund above its currency&apos;s limit needs a manager&apos;s approval; in a currency not listed here, every refund does. New limits apply from the next refund.</source>
        <translation>Un remboursement qui dépasse la limite de sa devise doit être approuvé par un gérant; dans une devise qui ne figure pas ici, chaque remboursement doit l’être. Les nouvelles limites s’appliquent dès le prochain remboursement.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>About the receipt printer</source>
        <translation>À propos de l’imprimante de reçus</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Stripe, &amp;till and limits</source>
        <translation>Stripe, &amp;caisse et limites</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Receipt printer</source>
        <translation>&amp;Imprimante de reçus</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Use a live key?</source>
        <translation>Utiliser une clé en mode réel?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check and save live key</source>
        <translation>Vérifier et enregistrer la clé en mode réel</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Remove the Stripe key?</source>
        <translation>Retirer la clé secrète Stripe?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove key</source>
        <translation>Retirer la clé</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Restart now?</source>
        <translation>Redémarrer maintenant?</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+10"/>
        <source>Restart now</source>
        <comment>the button</comment>
        <translation>Redémarrer maintenant</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Restart in the new language?</source>
        <translation>Redémarrer dans la nouvelle langue?</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The keychain cannot be used: the till runs in training mode.</source>
        <translation>Le trousseau de clés ne peut pas être utilisé&#xa0;: la caisse fonctionne en mode formation.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>This account has no Terminal locations.</source>
        <translation>Ce compte n’a aucun emplacement Terminal.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Saved location {id}</source>
        <translation>Emplacement enregistré {id}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Some refund limits need fixing (in red).</source>
        <translation>Certaines limites de remboursement sont à corriger (en rouge).</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Enter the network printer&apos;s address first.</source>
        <translation>Entrez d’abord l’adresse de l’imprimante réseau.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Printing a test slip…</source>
        <translation>Impression d’un reçu d’essai…</translation>
    </message>
</context>
<context>
    <name>SettingsViewModel</name>
    <message>
        <location filename="../ui/viewmodels/settings_vm.py" line="+38"/>
        <source>Stripe did not accept this key: it is wrong, or it was deleted. Nothing was saved.</source>
        <translation>Stripe n’a pas accepté cette clé&#xa0;: elle est erronée, ou elle a été supprimée. Rien n’a été enregistré.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stripe did not accept this key: it has expired or was revoked in the Stripe Dashboard. Nothing was saved.</source>
        <translation>Stripe n’a pas accepté cette clé&#xa0;: elle a expiré ou a été révoquée dans le Dashboard Stripe. Rien n’a été enregistré.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stripe no longer accepts the stored key, so the Connect account could not be checked. Enter a new key first.</source>
        <translation>Stripe n’accepte plus la clé enregistrée; le compte Connect n’a donc pas pu être vérifié. Entrez d’abord une nouvelle clé.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stripe accepted the key, but it was not saved: the keychain problem above stops it.</source>
        <translation>Stripe a accepté la clé, mais elle n’a pas été enregistrée&#xa0;: le problème de trousseau de clés indiqué ci-dessus l’en empêche.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This key cannot act for the Connect account {account}: check the id, and that the account is connected to yours. Nothing was saved.</source>
        <translation>Cette clé ne peut pas agir pour le compte Connect {account}&#xa0;: vérifiez l’identifiant, et que ce compte est bien relié au vôtre. Rien n’a été enregistré.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The refund limits can only be changed from the main window, signed in as a manager.</source>
        <translation>Les limites de remboursement ne peuvent être modifiées qu’à partir de la fenêtre principale, dans une session de gérant.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The location filter is back to All locations.</source>
        <translation>Le filtre d’emplacement est revenu à «&#xa0;Tous les emplacements&#xa0;».</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enter the network printer&apos;s address (its IP address or name), or choose another receipt printer.</source>
        <translation>Entrez l’adresse de l’imprimante réseau (son adresse IP ou son nom), ou choisissez une autre imprimante de reçus.</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>The locations could not be read. {reason}</source>
        <translation>Les emplacements n’ont pas pu être lus. {reason}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Checking the key with Stripe…</source>
        <translation>Vérification de la clé auprès de Stripe…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Saved in the keychain: {key} for {account}. The app uses it from its next start.</source>
        <translation>Enregistrée dans le trousseau de clés&#xa0;: {key} pour {account}. L’application l’utilisera à son prochain démarrage.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved in the keychain: {key}. The app uses it from its next start.</source>
        <translation>Enregistrée dans le trousseau de clés&#xa0;: {key}. L’application l’utilisera à son prochain démarrage.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>No key was stored.</source>
        <translation>Aucune clé n’était enregistrée.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Key removed from the keychain. The app starts in training mode next time.</source>
        <translation>Clé retirée du trousseau de clés. L’application démarrera en mode formation la prochaine fois.</translation>
    </message>
</context>
<context>
    <name>SignInView</name>
    <message>
        <location filename="../ui/views/sign_in_view.py" line="+19"/>
        <source>Training staff: “Training cashier” with PIN 1111, and “Training manager” with PIN 2222. Real tills have their own staff and PINs.</source>
        <translation>Personnel de formation&#xa0;: «&#xa0;Training cashier&#xa0;» avec le NIP 1111, et «&#xa0;Training manager&#xa0;» avec le NIP 2222. Les vraies caisses ont leur propre personnel et leurs propres NIP.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Sign in</source>
        <comment>screen title</comment>
        <translation>Ouverture de session</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tap your name, then type your PIN.</source>
        <translation>Touchez votre nom, puis entrez votre NIP.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sign in</source>
        <comment>button</comment>
        <translation>Ouvrir une session</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Training staff</source>
        <translation>Personnel de formation</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Choose your name first.</source>
        <translation>Choisissez d’abord votre nom.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>PIN for {name}</source>
        <translation>NIP de {name}</translation>
    </message>
</context>
<context>
    <name>SignInWords</name>
    <message numerus="yes">
        <location filename="../ui/viewmodels/sign_in_vm.py" line="+48"/>
        <source>Wrong PIN. %n tries left before {name} is locked out for a while.</source>
        <translation>
            <numerusform>NIP erroné. Il reste %n essai avant le verrouillage temporaire de {name}.</numerusform>
            <numerusform>NIP erroné. Il reste %n essais avant le verrouillage temporaire de {name}.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Too many wrong PINs: {name} is locked out until {time}. A manager can reset the PIN.</source>
        <translation>Trop de NIP erronés&#xa0;: l’accès de {name} est verrouillé jusqu’à {time}. Un gérant peut réinitialiser le NIP.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{name} is not a manager: a manager must approve.</source>
        <translation>{name} n’a pas le rôle de gérant&#xa0;: un gérant doit approuver.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This person is no longer on the staff list. Choose a name again.</source>
        <translation>Cette personne ne figure plus dans la liste du personnel. Choisissez un nom de nouveau.</translation>
    </message>
</context>
<context>
    <name>SlipButtons</name>
    <message>
        <location filename="../ui/views/slip_buttons.py" line="+25"/>
        <source>Refund slip for the customer</source>
        <translation>Reçu de remboursement pour le client</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Print slip…</source>
        <translation>Imprimer le reçu…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print the refund slip</source>
        <translation>Imprimer le reçu de remboursement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save slip as PDF…</source>
        <translation>Enregistrer le reçu en PDF…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the refund slip as PDF</source>
        <translation>Enregistrer le reçu de remboursement en PDF</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print on receipt printer</source>
        <translation>Imprimer sur l’imprimante de reçus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print the refund slip on the receipt printer</source>
        <translation>Imprimer le reçu de remboursement sur l’imprimante de reçus</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Refund slip status</source>
        <translation>État du reçu de remboursement</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Print on {printer}, without a dialog</source>
        <translation>Imprimer sur {printer}, sans boîte de dialogue</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reading the refund from Stripe…</source>
        <translation>Lecture du remboursement chez Stripe…</translation>
    </message>
</context>
<context>
    <name>SlipOutput</name>
    <message>
        <location filename="../ui/dialogs/slip_output.py" line="+41"/>
        <source>Refund slip {refund}</source>
        <comment>the document&apos;s name</comment>
        <translation>Reçu de remboursement {refund}</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Save the refund slip as PDF</source>
        <translation>Enregistrer le reçu de remboursement en PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>refund-slip-{refund}.pdf</source>
        <comment>a file name: no spaces, no accents</comment>
        <translation>recu-remboursement-{refund}.pdf</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>SlipPrinter</name>
    <message>
        <location filename="../ui/viewmodels/slip_printer_vm.py" line="+43"/>
        <source>No receipt printer is set up: choose one in Settings, Receipt printer.</source>
        <translation>Aucune imprimante de reçus n’est configurée&#xa0;: choisissez-en une dans Paramètres, Imprimante de reçus.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{host} is not a printer&apos;s address on this network: check the name or IP address in Settings.</source>
        <translation>{host} n’est pas l’adresse d’une imprimante sur ce réseau&#xa0;: vérifiez le nom ou l’adresse IP dans les paramètres.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The printer at {host} refused the connection on port {port}: check the port (usually 9100) and that nothing else is printing on it.</source>
        <translation>L’imprimante à l’adresse {host} a refusé la connexion sur le port {port}&#xa0;: vérifiez le port (habituellement 9100) et que rien d’autre n’y imprime.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The printer at {host}:{port} did not answer within {seconds:g} seconds: check that it is on, has paper and is on the network.</source>
        <translation>L’imprimante à l’adresse {host}:{port} n’a pas répondu en {seconds:g} secondes&#xa0;: vérifiez qu’elle est allumée, qu’elle a du papier et qu’elle est branchée au réseau.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{host} cannot be reached from this computer: check the network cable or Wi-Fi, and the printer&apos;s address.</source>
        <translation>{host} est inaccessible depuis cet ordinateur&#xa0;: vérifiez le câble réseau ou le Wi-Fi, et l’adresse de l’imprimante.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The printer at {host}:{port} closed the connection before taking the slip: check it for paper or an open cover, then print again.</source>
        <translation>L’imprimante à l’adresse {host}:{port} a coupé la connexion avant de recevoir le reçu&#xa0;: vérifiez qu’elle a du papier et que son couvercle est fermé, puis imprimez de nouveau.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The slip was not printed. {why}</source>
        <translation>Le reçu n’a pas été imprimé. {why}</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Test slip</source>
        <comment>the shop&apos;s name on a test slip</comment>
        <translation>Reçu d’essai</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Test</source>
        <comment>the card&apos;s name on a test slip</comment>
        <translation>Essai</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Printer test: not a refund</source>
        <translation>Essai d’imprimante&#xa0;: ce n’est pas un remboursement</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Slip printed on {printer}.</source>
        <translation>Reçu imprimé sur {printer}.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>This computer has no printer called “{printer}”: choose one in Settings.</source>
        <translation>Cet ordinateur n’a aucune imprimante nommée «&#xa0;{printer}&#xa0;»&#xa0;: choisissez-en une dans les paramètres.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refund slip {refund_id}</source>
        <comment>the print job&apos;s name</comment>
        <translation>Reçu de remboursement {refund_id}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{printer} reported an error: check it in the computer&apos;s printer settings.</source>
        <translation>{printer} a signalé une erreur&#xa0;: vérifiez-la dans les paramètres d’impression de l’ordinateur.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Slip sent to {printer}.</source>
        <translation>Reçu envoyé à {printer}.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Something went wrong while printing; the refund itself is done.</source>
        <translation>Un problème est survenu pendant l’impression; le remboursement lui-même est effectué.</translation>
    </message>
</context>
<context>
    <name>StaffDialog</name>
    <message>
        <location filename="../ui/dialogs/staff_dialog.py" line="+40"/>
        <location line="+9"/>
        <source>Staff</source>
        <translation>Personnel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Managers approve partial refunds and refunds over the limit with their PIN, and manage this list. Five wrong PINs lock a person out for a while; a new PIN lifts the lock.</source>
        <translation>Les gérants approuvent avec leur NIP les remboursements partiels et ceux qui dépassent la limite, et gèrent cette liste. Cinq NIP erronés verrouillent une personne pendant un moment; un nouveau NIP lève le verrouillage.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Staff list</source>
        <translation>Liste du personnel</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add a person…</source>
        <translation>Ajouter une personne…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+119"/>
        <source>Make manager</source>
        <translation>Nommer gérant</translation>
    </message>
    <message>
        <location line="-117"/>
        <source>New PIN…</source>
        <translation>Nouveau NIP…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove…</source>
        <translation>Retirer…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Why not available</source>
        <translation>Pourquoi ce n’est pas disponible</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Last change</source>
        <translation>Dernière modification</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>Choose a person in the list.</source>
        <translation>Choisissez une personne dans la liste.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This is you: another manager changes your role or removes you.</source>
        <translation>C’est vous&#xa0;: c’est un autre gérant qui change votre rôle ou vous retire.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Make cashier</source>
        <translation>Nommer caissier</translation>
    </message>
</context>
<context>
    <name>StaffFlow</name>
    <message>
        <location filename="../ui/flows/staff.py" line="+59"/>
        <source>Make {name} a cashier?</source>
        <translation>Donner à {name} le rôle de caissier?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} will no longer approve refunds or manage staff.</source>
        <translation>{name} ne pourra plus approuver de remboursements ni gérer le personnel.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Make cashier</source>
        <translation>Nommer caissier</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Make {name} a manager?</source>
        <translation>Donner à {name} le rôle de gérant?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} will approve refunds with their PIN and manage staff.</source>
        <translation>{name} pourra approuver des remboursements avec son NIP et gérer le personnel.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Make manager</source>
        <translation>Nommer gérant</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Remove {name}?</source>
        <comment>remove from the staff list</comment>
        <translation>Retirer {name}?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} will no longer be able to sign in. Their name stays in the journal for what they did.</source>
        <translation>{name} ne pourra plus ouvrir de session. Son nom reste inscrit au journal pour les opérations déjà faites.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove</source>
        <comment>remove from the staff list</comment>
        <translation>Retirer</translation>
    </message>
</context>
<context>
    <name>StaffFormDialog</name>
    <message>
        <location filename="../ui/dialogs/staff_form_dialog.py" line="+38"/>
        <source>New PIN for {name}</source>
        <translation>Nouveau NIP pour {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a person</source>
        <translation>Ajouter une personne</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Name</source>
        <comment>a person&apos;s</comment>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>PIN</source>
        <translation>NIP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PIN again</source>
        <translation>Confirmer le NIP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A PIN is 4 to 8 digits. Tell it to the person only.</source>
        <translation>Un NIP compte de 4 à 8 chiffres. Communiquez-le à la personne seulement.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Why the button is not available</source>
        <translation>Pourquoi le bouton n’est pas disponible</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set PIN</source>
        <translation>Définir le NIP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add</source>
        <comment>add the person</comment>
        <translation>Ajouter</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Name</source>
        <comment>a person&apos;s</comment>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Role</source>
        <translation>&amp;Rôle</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;PIN</source>
        <translation>N&amp;IP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PIN &amp;again</source>
        <translation>&amp;Confirmer le NIP</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Type the person&apos;s name.</source>
        <translation>Entrez le nom de la personne.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type a PIN of 4 to 8 digits.</source>
        <translation>Entrez un NIP de 4 à 8 chiffres.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type the PIN again.</source>
        <translation>Entrez le NIP de nouveau.</translation>
    </message>
</context>
<context>
    <name>StaffPicker</name>
    <message>
        <location filename="../ui/views/staff_picker.py" line="+36"/>
        <source>Staff</source>
        <translation>Personnel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No one on the staff list yet.</source>
        <translation>Personne ne figure encore sur la liste du personnel.</translation>
    </message>
</context>
<context>
    <name>StaffSession</name>
    <message>
        <location filename="../ui/staff_session.py" line="+78"/>
        <source>Lock</source>
        <comment>lock the till</comment>
        <translation>Verrouiller</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Lock the till (Ctrl+L)</source>
        <translation>Verrouiller la caisse (Ctrl+L)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Manage staff…</source>
        <translation>Gérer le personnel…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Signed in</source>
        <translation>Session ouverte</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>A refund is still running: the till locks when it has finished.</source>
        <translation>Un remboursement est encore en cours&#xa0;: la caisse se verrouillera quand il sera terminé.</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>{name} · {role}</source>
        <comment>who is signed in, and their role</comment>
        <translation>{name} · {role}</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>The staff list could not be read. Restart the app; if it happens again, call for help.</source>
        <translation>La liste du personnel n’a pas pu être lue. Redémarrez l’application; si le problème se reproduit, demandez de l’aide.</translation>
    </message>
</context>
<context>
    <name>StaffTableModel</name>
    <message>
        <location filename="../ui/models/staff_model.py" line="+27"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
</context>
<context>
    <name>StepRow</name>
    <message>
        <location filename="../ui/views/step_row.py" line="+37"/>
        <source>not yet</source>
        <translation>pas encore</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in progress</source>
        <translation>en cours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>done</source>
        <translation>terminé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed</source>
        <translation>échoué</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stopped</source>
        <translation>arrêté</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>{step}: {state}</source>
        <translation>{step}&#xa0;: {state}</translation>
    </message>
</context>
<context>
    <name>StripeKeyBox</name>
    <message>
        <location filename="../ui/views/stripe_key_box.py" line="+33"/>
        <source>Use a &lt;b&gt;restricted key&lt;/b&gt; (rk_live_… or rk_test_…) with only what the till needs: &lt;b&gt;read&lt;/b&gt; {read}; &lt;b&gt;write&lt;/b&gt; {write}. It is checked with Stripe, then kept in this computer&apos;s keychain only.</source>
        <translation>Utilisez une &lt;b&gt;clé restreinte&lt;/b&gt; (rk_live_… ou rk_test_…) limitée à ce dont la caisse a besoin&#xa0;: &lt;b&gt;lecture&lt;/b&gt; {read}; &lt;b&gt;écriture&lt;/b&gt; {write}. Elle est vérifiée auprès de Stripe, puis conservée uniquement dans le trousseau de cet ordinateur.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Stored key</source>
        <translation>Clé enregistrée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reading the keychain…</source>
        <translation>Lecture du trousseau…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keychain problem</source>
        <translation>Problème de trousseau</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Which key to use</source>
        <translation>Quelle clé utiliser</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>New Stripe key</source>
        <translation>Nouvelle clé Stripe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>rk_live_… or rk_test_…</source>
        <translation>rk_live_… ou rk_test_…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New &amp;key</source>
        <translation>&amp;Nouvelle clé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Key problem</source>
        <translation>Problème de clé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Check and save key</source>
        <translation>&amp;Vérifier et enregistrer la clé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove key</source>
        <translation>Retirer la clé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Key status</source>
        <translation>État de la clé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restart now</source>
        <translation>Redémarrer maintenant</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Connect account</source>
        <translation>Compte Connect</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>acct_… (leave empty unless you use Connect)</source>
        <translation>acct_… (laissez vide si vous n’utilisez pas Connect)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connect &amp;account (optional)</source>
        <translation>Compte Connect (&amp;facultatif)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connect account problem</source>
        <translation>Problème de compte Connect</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>About the Connect account</source>
        <translation>À propos du compte Connect</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>For a platform acting for one of its connected accounts. Used with the stored key, from the app&apos;s next start.</source>
        <translation>Pour une plateforme qui agit au nom de l’un de ses comptes connectés. Utilisé avec la clé enregistrée, au prochain démarrage de l’application.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>No key stored: the till runs in training mode.</source>
        <translation>Aucune clé enregistrée&#xa0;: la caisse fonctionne en mode formation.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stored: {key}.</source>
        <translation>Enregistrée&#xa0;: {key}.</translation>
    </message>
</context>
<context>
    <name>SupportInfo</name>
    <message>
        <location filename="../ui/support_info.py" line="+51"/>
        <source>Stripe SDK</source>
        <translation>SDK Stripe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>System</source>
        <translation>Système</translation>
    </message>
</context>
<context>
    <name>WindowDialogs</name>
    <message>
        <location filename="../ui/window_dialogs.py" line="+155"/>
        <source>No slip printed: {reason}</source>
        <translation>Aucun reçu imprimé&#xa0;: {reason}</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Not possible</source>
        <translation>Impossible</translation>
    </message>
</context>
</TS>
